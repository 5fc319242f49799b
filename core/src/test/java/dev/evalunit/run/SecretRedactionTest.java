package dev.evalunit.run;

import dev.evalunit.check.OutputChecks;
import dev.evalunit.config.Settings;
import dev.evalunit.model.GenAiAttributes;
import dev.evalunit.model.ModelBinding;
import dev.evalunit.task.Task;
import dev.evalunit.task.TaskFileLoader;
import dev.evalunit.testing.FakeOpenAiServer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The model's API key never reaches a trial's result: not its answer, check messages or failure. */
class SecretRedactionTest {

    private static final String KEY = "sk-test-0123456789abcdefSECRET";

    @Test
    void theKeyIsRedactedInTheAnswerAndInCheckMessagesBeforeTheyAreCut() throws Exception {
        String answer = "the key is " + KEY + " and " + "x".repeat(5000);
        try (FakeOpenAiServer server = FakeOpenAiServer.start(FakeOpenAiServer.answers(answer))) {
            Map<String, String> settings = Map.of("evalunit.model", "openai", "evalunit.model.name", "m",
                    "evalunit.model.base-url", server.baseUrl(),
                    "evalunit.model.api-key-env", "TEST_KEY", "evalunit.retries", "0");
            ModelBinding model = ModelBinding.fromSettings(Settings.from(key -> Optional.ofNullable(settings.get(key))),
                    name -> name.equals("TEST_KEY") ? KEY : null).orElseThrow();
            TaskRunner runner = new TaskRunner(Duration.ofSeconds(60), 5);

            TrialResult trial = runner.run(Tasks.task("leak", List.of(OutputChecks.notContains("the key"))), model)
                    .trials().get(0);

            assertThat(trial.output()).startsWith("the key is *** and").doesNotContain("sk-test");
            assertThat(trial.checks()).singleElement().satisfies(check -> {
                assertThat(check.passed()).isFalse();
                assertThat(check.message()).doesNotContain("sk-test").doesNotContain("SECRET");
            });
        }
    }

    @Test
    void theKeyIsRedactedInSpanAttributesBeforeAnyCheckQuotesAndCutsThemAndInWhatIsWritten() throws Exception {
        // The model passes the key to a tool: it is in the execute_tool span's arguments, past a long prefix, so
        // that a check quoting a cut excerpt of the arguments would cut the key, not the prefix, if it ran first.
        String arguments = "{\"pod\": \"" + "p".repeat(180) + KEY + "\"}";
        try (FakeOpenAiServer server = FakeOpenAiServer.start(
                FakeOpenAiServer.callsToolThenAnswers("get_pod_events", arguments, "done"))) {
            Map<String, String> settings = Map.of("evalunit.model", "openai", "evalunit.model.name", "m",
                    "evalunit.model.base-url", server.baseUrl(), "evalunit.model.api-key-env", "TEST_KEY",
                    "evalunit.retries", "0");
            ModelBinding model = ModelBinding.fromSettings(Settings.from(key -> Optional.ofNullable(settings.get(key))),
                    name -> name.equals("TEST_KEY") ? KEY : null).orElseThrow();
            Task task = new TaskFileLoader().load(URI.create("file:///leak.yaml"), "leak.yaml", "leak", """
                    prompt: Why did checkout crash?
                    tools:
                      - name: get_pod_events
                        description: Recent events of a pod.
                        parameters: {type: object, properties: {pod: {type: string}}}
                        result: OOMKilled
                    expect:
                      spans:
                        - name: "execute_tool get_*"
                          attributes:
                            gen_ai.tool.call.arguments: "nothing like it"
                    """).tasks().get(0);

            TaskResult result = new TaskRunner(Duration.ofSeconds(60), 5).run(task, model);

            TrialResult trial = result.trials().get(0);
            assertThat(trial.checks()).singleElement().satisfies(check -> {
                assertThat(check.passed()).isFalse();
                assertThat(check.message()).doesNotContain("sk-test").doesNotContain("SECRET");
            });
            assertThat(trial.spans()).isNotEmpty().allSatisfy(span -> assertThat(span.toString())
                    .doesNotContain("sk-test").doesNotContain("SECRET"));
            assertThat(trial.spans()).anySatisfy(span -> assertThat(String.valueOf(
                    span.getAttributes().get(GenAiAttributes.TOOL_CALL_ARGUMENTS))).contains("***"));
            String written = TaskRecords.of(result, "suite", "leak.yaml", 0, model::redact).toString();
            assertThat(written).contains("get_pod_events").doesNotContain("sk-test").doesNotContain("SECRET");
        }
    }
}
