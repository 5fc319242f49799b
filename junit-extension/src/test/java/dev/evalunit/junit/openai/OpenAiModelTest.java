package dev.evalunit.junit.openai;

import dev.evalunit.testing.FakeOpenAiServer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalunit.junit.EvalSuite;
import dev.evalunit.junit.ModelUnderTest;
import dev.evalunit.testing.FakeOpenAiServer.RecordedRequest;
import dev.evalunit.testing.FakeOpenAiServer.Reply;
import dev.evalunit.model.Agent;
import org.assertj.core.api.Condition;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import org.opentest4j.AssertionFailedError;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.EventConditions.uniqueIdSubstring;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

/**
 * The {@code openai} model ({@code evalunit.model=openai}) run through the engine against a real
 * local HTTP server speaking OpenAI's chat-completions protocol.
 */
class OpenAiModelTest {

    private static final String DIAGNOSE = "openai/suite/diagnose-crashloop.yaml";
    private static final String SUITE = "openai/suite";

    /** Not set in any environment, so no test ever reads a real key. */
    private static final String UNSET_KEY_VARIABLE = "EVALUNIT_TEST_NO_SUCH_VARIABLE";

    private static final String EVENTS_ARGUMENTS = "{\"pod\":\"checkout\",\"namespace\":\"shop\"}";
    private static final String GOOD_ANSWER = "The checkout container is OOMKilled (exit code 137); raise its memory limit.";

    @Test
    void passesTaskWhoseModelCallsToolThenAnswers() {
        try (FakeOpenAiServer server = FakeOpenAiServer.start(
                FakeOpenAiServer.callsToolThenAnswers("get_pod_events", EVENTS_ARGUMENTS, GOOD_ANSWER))) {

            Events tests = run(server.baseUrl(), DIAGNOSE);

            tests.assertThatEvents().haveExactly(1, event(test(), displayName("diagnose-crashloop"),
                    finishedSuccessfully()));
            assertThat(server.requests()).hasSize(2);
        }
    }

    @Test
    void sendsToolDefinitionsThenToolResultOverBlockingChatCompletions() {
        try (FakeOpenAiServer server = FakeOpenAiServer.start(
                FakeOpenAiServer.callsToolThenAnswers("get_pod_events", EVENTS_ARGUMENTS, GOOD_ANSWER))) {

            run(server.baseUrl(), DIAGNOSE);

            List<RecordedRequest> requests = server.requests();
            assertThat(requests).hasSize(2).allSatisfy(request -> {
                assertThat(request.model()).isEqualTo("test-model");
                assertThat(request.body().path("stream").asBoolean(false)).as("stream").isFalse();
                assertThat(request.authorization()).hasValueSatisfying(value -> assertThat(value).startsWith("Bearer "));
            });

            RecordedRequest first = requests.get(0);
            assertThat(first.roles()).containsExactly("system", "user");
            JsonNode tool = first.body().path("tools").path(0);
            assertThat(tool.path("type").asText()).isEqualTo("function");
            assertThat(tool.path("function").path("name").asText()).isEqualTo("get_pod_events");
            assertThat(tool.path("function").path("description").asText()).isEqualTo("Recent Kubernetes events of a pod.");
            JsonNode parameters = tool.path("function").path("parameters");
            assertThat(parameters.path("type").asText()).isEqualTo("object");
            assertThat(parameters.path("properties").path("pod").path("type").asText()).isEqualTo("string");
            assertThat(parameters.path("required").toString()).isEqualTo("[\"pod\"]");
            assertThat(first.body().path("tools").findValuesAsText("name")).containsExactly("get_pod_events", "delete_pod");

            RecordedRequest second = requests.get(1);
            assertThat(second.roles()).containsExactly("system", "user", "assistant", "tool");
            JsonNode call = second.messages("assistant").get(0).path("tool_calls").path(0);
            assertThat(call.path("function").path("name").asText()).isEqualTo("get_pod_events");
            assertThat(call.path("function").path("arguments").asText()).isEqualTo(EVENTS_ARGUMENTS);
            JsonNode result = second.messages("tool").get(0);
            assertThat(result.path("tool_call_id").asText()).isEqualTo(call.path("id").asText());
            assertThat(result.path("content").asText())
                    .isEqualTo("Back-off restarting failed container checkout; last state: OOMKilled (exit code 137)");
        }
    }

    @Test
    void failsWithAssertionNamingOutputCheckWhenAnswerLacksExpectedText() {
        try (FakeOpenAiServer server = FakeOpenAiServer.start(
                request -> request.answer("Probably a network blip; try again later."))) {

            Events tests = run(server.baseUrl(), DIAGNOSE);

            tests.assertThatEvents().haveExactly(1, event(test(), displayName("diagnose-crashloop"),
                    finishedWithFailure(instanceOf(AssertionFailedError.class),
                            message(m -> m.contains("output: expected to contain \"OOMKilled\"")
                                    && m.contains("spans[0] \"execute_tool get_pod_events\"")))));
        }
    }

    @Test
    void failsWithAssertionNamingSpanCheckWhenForbiddenToolIsCalled() {
        try (FakeOpenAiServer server = FakeOpenAiServer.start(FakeOpenAiServer.callsToolThenAnswers(
                "delete_pod", "{\"pod\":\"checkout\"}", "I deleted the checkout pod; it was OOMKilled."))) {

            Events tests = run(server.baseUrl(), DIAGNOSE);

            tests.assertThatEvents().haveExactly(1, event(test(), displayName("diagnose-crashloop"),
                    finishedWithFailure(instanceOf(AssertionFailedError.class),
                            message(m -> m.contains("spans[1] \"execute_tool delete_*\"")
                                    && m.contains("expected count 0, found 1")
                                    && !m.contains("output:")))));
        }
    }

    @Test
    void reportsServerErrorAsErrorNotFailure() {
        try (FakeOpenAiServer server = FakeOpenAiServer.start(
                request -> Reply.error(500, "The server had an error while processing your request."))) {

            Events tests = run(server.baseUrl(), DIAGNOSE);

            tests.assertThatEvents().haveExactly(1, event(test(), displayName("diagnose-crashloop"),
                    finishedWithFailure(anError(), message(m -> m.contains("could not be scored")
                            && m.contains("gave up after 4 attempts (evalunit.retries=3)")
                            && m.contains("The server had an error while processing your request.")))));
            assertThat(server.requests()).hasSize(4);
        }
    }

    @Test
    void sendsApiKeyFromNamedVariableButRedactsItWhenTheServerEchoesIt() {
        // Tests cannot set environment variables: take a non-secret one every process has.
        String key = System.getenv("PATH");
        assumeTrue(key != null && !key.isBlank(), "PATH is set");
        try (FakeOpenAiServer server = FakeOpenAiServer.start(request -> Reply.error(401,
                "Incorrect API key provided: " + request.bearerToken()
                        + ". You can find your API key at https://platform.openai.com/account/api-keys."))) {

            Events events = openAi(server.baseUrl())
                    .configurationParameter("evalunit.model.api-key-env", "PATH")
                    .selectors(selectClasspathResource(DIAGNOSE))
                    .execute().allEvents();

            assertThat(server.requests()).singleElement()
                    .satisfies(request -> assertThat(request.authorization()).hasValue("Bearer " + key.trim()));
            events.assertThatEvents().haveExactly(1, event(test(), displayName("diagnose-crashloop"),
                    finishedWithFailure(anError(), message(m -> m.contains("Incorrect API key provided: ***")))));
            assertThat(everythingReported(events)).doesNotContain(key.trim());
        }
    }

    @Test
    void reportsRefusedConnectionAsErrorOfEachTaskWhileOtherSuitesStillRun() {
        String closedPortUrl;
        try (FakeOpenAiServer server = FakeOpenAiServer.start(request -> request.answer("unused"))) {
            closedPortUrl = server.baseUrl();
        }

        Events tests = openAi(closedPortUrl)
                .selectors(selectClasspathResource(SUITE), selectClass(LocalAgentSuite.class))
                .execute().testEvents();

        tests.assertStatistics(stats -> stats.started(3).succeeded(1).failed(2));
        for (String task : List.of("diagnose-crashloop", "capital")) {
            tests.assertThatEvents().haveExactly(1, event(test(), uniqueIdSubstring("classpath:" + SUITE),
                    displayName(task), finishedWithFailure(anError(), message(m -> m.contains("could not be scored")),
                            causedBy("java.net.ConnectException"))));
        }
        tests.assertThatEvents().haveExactly(1, event(test(), uniqueIdSubstring(LocalAgentSuite.class.getName()),
                displayName("capital"), finishedSuccessfully()));
    }

    @Test
    void errorsEveryTaskNamingModelNameWhenItIsMissing() {
        try (FakeOpenAiServer server = FakeOpenAiServer.start(request -> request.answer("Paris"))) {

            Events tests = EngineTestKit.engine("evalunit")
                    .configurationParameter("evalunit.model", "openai")
                    .configurationParameter("evalunit.model.base-url", server.baseUrl())
                    .configurationParameter("evalunit.model.api-key-env", UNSET_KEY_VARIABLE)
                    .selectors(selectClasspathResource(SUITE))
                    .execute().testEvents();

            tests.assertStatistics(stats -> stats.started(2).failed(2));
            tests.assertThatEvents().haveExactly(2, event(test(),
                    finishedWithFailure(anError(), message(m -> m.contains("evalunit.model.name")))));
            assertThat(server.requests()).isEmpty();
        }
    }

    /** A suite whose model needs no server, run beside the {@code openai} suite. */
    @EvalSuite("openai/suite/capital.yaml")
    static class LocalAgentSuite {

        @ModelUnderTest("local-agent")
        static final Agent PARIS = context -> "Paris";
    }

    private static EngineTestKit.Builder openAi(String baseUrl) {
        return EngineTestKit.engine("evalunit")
                .configurationParameter("evalunit.model", "openai")
                .configurationParameter("evalunit.model.base-url", baseUrl)
                .configurationParameter("evalunit.model.name", "test-model")
                .configurationParameter("evalunit.model.api-key-env", UNSET_KEY_VARIABLE)
                .configurationParameter("evalunit.timeout", "30s")
                // Faults are retried: keep the waits short, the attempts are what the tests count.
                .configurationParameter("evalunit.retries.backoff", "10ms");
    }

    private static Events run(String baseUrl, String resource) {
        return openAi(baseUrl).selectors(selectClasspathResource(resource)).execute().testEvents();
    }

    /** A task that could not be scored: anything but an assertion error, so Surefire counts an error. */
    private static Condition<Throwable> anError() {
        return new Condition<>(thrown -> !(thrown instanceof AssertionError), "not an AssertionError");
    }

    /** Some cause's {@code toString} (its type, also for redacted copies) names {@code type}. */
    private static Condition<Throwable> causedBy(String type) {
        return new Condition<>(thrown -> stackTrace(thrown).contains(type), "caused by " + type);
    }

    /** Every text the engine reported: names, ids, sources, report entries, throwables with causes and traces. */
    private static String everythingReported(Events events) {
        StringBuilder text = new StringBuilder();
        events.stream().forEach(event -> {
            TestDescriptor descriptor = event.getTestDescriptor();
            text.append(descriptor.getUniqueId()).append('\n')
                    .append(descriptor.getDisplayName()).append('\n')
                    .append(descriptor.getLegacyReportingName()).append('\n')
                    .append(descriptor.getSource()).append('\n')
                    .append(event).append('\n');
            event.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable)
                    .ifPresent(thrown -> text.append(stackTrace(thrown)).append('\n'));
            event.getPayload(ReportEntry.class).ifPresent(entry -> text.append(entry.getKeyValuePairs()).append('\n'));
            event.getPayload(String.class).ifPresent(reason -> text.append(reason).append('\n'));
        });
        return text.toString();
    }

    private static String stackTrace(Throwable thrown) {
        StringWriter trace = new StringWriter();
        thrown.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }
}
