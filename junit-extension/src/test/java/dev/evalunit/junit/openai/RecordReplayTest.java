package dev.evalunit.junit.openai;

import dev.evalunit.testing.FakeOpenAiServer;

import dev.evalunit.testing.FakeOpenAiServer.RecordedRequest;
import dev.evalunit.testing.FakeOpenAiServer.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import static dev.evalunit.junit.openai.EndpointFaultsTest.anError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

/**
 * {@code evalunit.cassette=record} then {@code replay} through the engine, against a real local
 * server that is stopped before the replay.
 */
class RecordReplayTest {

    private static final String SUITE = "openai/suite";
    private static final String GOOD_DIAGNOSIS = "The checkout container is OOMKilled (exit code 137).";

    @TempDir
    Path cassettes;

    /** Diagnoses well (passes, spans and token sums included); names the wrong capital (fails). */
    private static final Function<RecordedRequest, Reply> MIXED = request -> {
        if (request.prompt().contains("capital")) {
            return request.answer("Lyon");
        }
        return request.hasToolResult() ? request.answer(GOOD_DIAGNOSIS)
                : request.callTool("get_pod_events", "{\"pod\":\"checkout\",\"namespace\":\"shop\"}");
    };

    @Test
    void replayGivesTheRecordedOutcomesWithTheServerStopped() throws IOException {
        String key = System.getenv("PATH");
        assumeTrue(key != null && !key.isBlank(), "PATH is set");
        Map<String, String> recorded;
        String baseUrl;
        try (FakeOpenAiServer server = FakeOpenAiServer.start(MIXED)) {
            baseUrl = server.baseUrl();
            // The key goes to the endpoint while recording, and into no file.
            recorded = outcomes(engine(baseUrl, "record").configurationParameter("evalunit.model.api-key-env", "PATH")
                    .selectors(selectClasspathResource(SUITE)).execute().testEvents());
            assertThat(server.requests()).hasSize(3);
        }

        Map<String, String> replayed = outcomes(engine(baseUrl, "replay").selectors(selectClasspathResource(SUITE))
                .execute().testEvents());

        assertThat(recorded).containsOnlyKeys("capital", "diagnose-crashloop")
                .containsEntry("diagnose-crashloop", "SUCCESSFUL")
                .hasEntrySatisfying("capital", outcome -> assertThat(outcome).startsWith("FAILED")
                        .contains("expected to contain \"Paris\""));
        assertThat(replayed).isEqualTo(recorded);
        Path diagnosis = cassettes.resolve("test-model/diagnose-crashloop/trial-1.json");
        assertThat(diagnosis).exists();
        assertThat(cassettes.resolve("test-model/capital/trial-1.json")).exists();
        String recording = Files.readString(diagnosis);
        assertThat(recording).contains("\"task\" : \"diagnose-crashloop\"", "\"call\" : 2", GOOD_DIAGNOSIS,
                "\"input-tokens\" : 100", "\"finish-reason\" : \"TOOL_EXECUTION\"")
                .doesNotContain(key.trim()).doesNotContainIgnoringCase("authorization");
    }

    @Test
    void replayWithoutARecordingIsAnErrorNamingTaskTrialCallAndTheRecordCommand() {
        try (FakeOpenAiServer server = FakeOpenAiServer.start(MIXED)) {

            Events tests = engine(server.baseUrl(), "replay").selectors(selectClasspathResource(SUITE)).execute()
                    .testEvents();

            tests.assertThatEvents().haveExactly(1, event(test(), displayName("capital"), finishedWithFailure(anError(),
                    message(m -> m.contains("no recording of task capital, trial 1, call 1 [test-model]")
                            && m.contains("record it against the endpoint with mvn test -Devalunit.cassette=record"
                            + " -Devalunit.cassette.dir=" + cassettes)))));
            assertThat(server.requests()).isEmpty();
        }
    }

    @Test
    void replayOfATaskChangedSinceItWasRecordedIsAnError(@TempDir Path tasks) throws IOException {
        Path file = tasks.resolve("capital.yaml");
        Files.writeString(file, "prompt: What is the capital of France?\ntrials: 3\nexpect:\n  output:\n"
                + "    - contains: Paris\n");
        try (FakeOpenAiServer server = FakeOpenAiServer.start(request -> request.answer("Paris"))) {
            Events tests = engine(server.baseUrl(), "record").selectors(selectDirectory(tasks.toFile())).execute()
                    .testEvents();
            tests.assertStatistics(stats -> stats.succeeded(1));
            assertThat(server.requests()).hasSize(3);
        }
        for (int trial = 1; trial <= 3; trial++) {
            assertThat(cassettes.resolve("test-model/capital/trial-" + trial + ".json")).exists();
        }
        assertThat(outcomes(engine("http://127.0.0.1:9/v1", "replay").selectors(selectDirectory(tasks.toFile()))
                .execute().testEvents())).containsEntry("capital", "SUCCESSFUL");

        Files.writeString(file, Files.readString(file).replace("France", "Italy"));
        Events replayed = engine("http://127.0.0.1:9/v1", "replay").selectors(selectDirectory(tasks.toFile())).execute()
                .testEvents();

        replayed.assertThatEvents().haveExactly(1, event(test(), displayName("capital"), finishedWithFailure(anError(),
                message(m -> m.contains("task capital changed since it was recorded (task capital, trial 1, call 1"
                        + " [test-model])") && m.contains("record it again with mvn test -Devalunit.cassette=record")))));
    }

    private EngineTestKit.Builder engine(String baseUrl, String cassette) {
        return EndpointFaultsTest.openAi(baseUrl)
                .configurationParameter("evalunit.cassette", cassette)
                .configurationParameter("evalunit.cassette.dir", cassettes.toString());
    }

    /** @return each test's outcome and, for failures, the message */
    private static Map<String, String> outcomes(Events tests) {
        Map<String, String> outcomes = new TreeMap<>();
        for (Event event : tests.finished().list()) {
            TestExecutionResult result = event.getRequiredPayload(TestExecutionResult.class);
            outcomes.put(event.getTestDescriptor().getDisplayName(), result.getStatus()
                    + result.getThrowable().map(thrown -> " " + thrown.getClass().getSimpleName() + ": "
                            + thrown.getMessage()).orElse(""));
        }
        return outcomes;
    }
}
