package dev.evalunit.junit.openai;

import dev.evalunit.testing.FakeOpenAiServer;

import dev.evalunit.testing.FakeOpenAiServer.RecordedRequest;
import dev.evalunit.testing.FakeOpenAiServer.Reply;
import org.assertj.core.api.Condition;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import org.opentest4j.AssertionFailedError;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

/**
 * Every fault a real endpoint has, served by a real local HTTP server to the {@code openai} model
 * run through the engine: transient faults are retried and the task passes; a refusal is an
 * error at once that says what to fix; spent retries are an error that says what the endpoint
 * answered and how many attempts were made; a hung endpoint is stopped by the deadline. The
 * tests count requests, never time.
 */
class EndpointFaultsTest {

    private static final String CAPITAL = "openai/suite/capital.yaml";
    private static final String UNSET_KEY_VARIABLE = "EVALUNIT_TEST_NO_SUCH_VARIABLE";

    static Stream<Arguments> transientFaults() {
        return Stream.of(
                fault("HTTP 500", request -> Reply.error(500, "The server had an error")),
                fault("HTTP 502", request -> Reply.error(502, "Bad gateway")),
                fault("HTTP 503", request -> Reply.error(503, "The engine is currently overloaded")),
                fault("HTTP 408", request -> Reply.error(408, "Request timeout")),
                fault("HTTP 429 without Retry-After", request -> Reply.error(429, "Rate limit reached")),
                fault("connection closed before an answer", request -> Reply.dropConnection()),
                fault("a body that is not JSON", request -> Reply.garbage("<html><body>Bad gateway</body></html>")),
                fault("a truncated body", request -> Reply.garbage("{\"id\":\"chatcmpl-1\",\"choices\":[{")),
                fault("a completion without choices", request -> Reply.garbage("{}")));
    }

    private static Arguments fault(String name, Function<RecordedRequest, Reply> reply) {
        return Arguments.of(Named.of(name, reply));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transientFaults")
    void retriesATransientFaultAndThePassesTask(Function<RecordedRequest, Reply> fault) {
        try (FakeOpenAiServer server = FakeOpenAiServer.start(
                FakeOpenAiServer.failingFirst(request -> request.answer("Paris"), fault, fault))) {

            Events tests = run(openAi(server.baseUrl()), CAPITAL);

            tests.assertThatEvents().haveExactly(1, event(test(), displayName("capital"), finishedSuccessfully()));
            assertThat(server.requests()).hasSize(3);
        }
    }

    @Test
    void waitsTheRetryAfterOfA429BeforeTryingAgain() {
        try (FakeOpenAiServer server = FakeOpenAiServer.start(FakeOpenAiServer.failingFirst(
                request -> request.answer("Paris"),
                request -> Reply.error(429, "Rate limit reached for requests").withHeader("Retry-After", "1")))) {

            Events tests = run(openAi(server.baseUrl()), CAPITAL);

            tests.assertThatEvents().haveExactly(1, event(test(), displayName("capital"), finishedSuccessfully()));
            List<RecordedRequest> requests = server.requests();
            assertThat(requests).hasSize(2);
            // A lower bound only: the retry came no sooner than the endpoint asked (backoff alone would be ~10ms).
            assertThat(Duration.ofNanos(requests.get(1).receivedNanos() - requests.get(0).receivedNanos()))
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        }
    }

    @Test
    void aRefusedKeyIsAnErrorNamingItsVariableNeverTheKey() {
        // Tests cannot set environment variables: take a non-secret one every process has.
        String key = System.getenv("PATH");
        assumeTrue(key != null && !key.isBlank(), "PATH is set");
        try (FakeOpenAiServer server = FakeOpenAiServer.start(request -> Reply.error(401,
                "Incorrect API key provided: " + request.bearerToken() + "."))) {

            Events tests = run(openAi(server.baseUrl()).configurationParameter("evalunit.model.api-key-env", "PATH"),
                    CAPITAL);

            tests.assertThatEvents().haveExactly(1, event(test(), displayName("capital"), finishedWithFailure(anError(),
                    message(m -> m.contains("the endpoint refused the API key read from PATH")
                            && m.contains("Incorrect API key provided: ***")
                            && m.contains("export a valid key in PATH")))));
            assertThat(everyThrowable(tests)).doesNotContain(key.trim());
            assertThat(server.requests()).hasSize(1);
        }
    }

    @ParameterizedTest(name = "HTTP {0}")
    @CsvSource(delimiter = '|', value = {
            "400 | the endpoint rejected the request | check that the model accepts what the task sends",
            "403 | the endpoint refused access | may lack access to this model",
            "404 | the endpoint has no such model or path | check evalunit.model.name and evalunit.model.base-url",
    })
    void aClientErrorIsNotRetriedAndSaysWhatToFix(int status, String what, String toFix) {
        try (FakeOpenAiServer server = FakeOpenAiServer.start(request -> Reply.error(status, "The model refused"))) {

            Events tests = run(openAi(server.baseUrl()), CAPITAL);

            tests.assertThatEvents().haveExactly(1, event(test(), displayName("capital"), finishedWithFailure(anError(),
                    message(m -> m.contains(what) && m.contains("HTTP " + status + ": ") && m.contains("not retried")
                            && m.contains(toFix)))));
            assertThat(server.requests()).hasSize(1);
        }
    }

    @Test
    void spentRetriesAreAnErrorSayingWhatTheEndpointAnsweredAndHowManyAttemptsWereMade() {
        try (FakeOpenAiServer server = FakeOpenAiServer.start(FakeOpenAiServer.failingFirst(
                request -> Reply.error(503, "The engine is currently overloaded"),
                request -> Reply.dropConnection()))) {

            Events tests = run(openAi(server.baseUrl()).configurationParameter("evalunit.retries", "2"), CAPITAL);

            tests.assertThatEvents().haveExactly(1, event(test(), displayName("capital"), finishedWithFailure(anError(),
                    message(m -> m.contains("capital [test-model] could not be scored")
                            && m.contains("model call 1 to openai model test-model at " + server.baseUrl() + " failed:"
                            + " gave up after 3 attempts (evalunit.retries=2); the endpoint answered: a broken"
                            + " connection (HTTP/1.1 header parser received no bytes) (attempt 1); HTTP 503:")
                            && m.contains("The engine is currently overloaded") && m.contains("(attempts 2, 3)")))));
            assertThat(server.requests()).hasSize(3);
        }
    }

    @Test
    void aRetryAfterPastTheDeadlineEndsTheCallAtOnce() {
        try (FakeOpenAiServer server = FakeOpenAiServer.start(
                request -> Reply.error(429, "Rate limit reached").withHeader("Retry-After", "120"))) {

            Events tests = run(openAi(server.baseUrl()), CAPITAL);

            tests.assertThatEvents().haveExactly(1, event(test(), displayName("capital"), finishedWithFailure(anError(),
                    message(m -> m.contains("gave up after 1 attempt") && m.contains("would wait 120s (the endpoint's"
                            + " Retry-After), past the trial's deadline")))));
            assertThat(server.requests()).hasSize(1);
        }
    }

    @Test
    void aCallCutByTheRunsDefaultDeadlineIsAnErrorSayingWhatWasInFlight() {
        try (FakeOpenAiServer server = FakeOpenAiServer.start(request -> Reply.hang())) {

            Events tests = run(openAi(server.baseUrl()).configurationParameter("evalunit.timeout", "1s"), CAPITAL);

            tests.assertThatEvents().haveExactly(1, event(test(), displayName("capital"), finishedWithFailure(anError(),
                    message(m -> m.contains("stopped by evalunit.timeout=1s while a model call was in flight;"
                            + " still running: chat test-model (for ") && m.contains("is not a score")))));
            assertThat(server.requests()).hasSize(1);
        }
    }

    @Test
    void aTaskPastTheDeadlineItsFileSetsFailsSayingWhatWasStillRunning() {
        try (FakeOpenAiServer server = FakeOpenAiServer.start(request -> Reply.hang())) {

            Events tests = run(openAi(server.baseUrl()), "openai/budget/capital-in-time.yaml");

            tests.assertThatEvents().haveExactly(1, event(test(), displayName("capital-in-time"), finishedWithFailure(
                    instanceOf(AssertionFailedError.class), message(m -> m.contains("timed out after 1s (the task's"
                            + " timeout); still running: chat test-model (for ")))));
        }
    }

    @Test
    void aCallWithoutAnAnswerWithinTheCallTimeoutIsRetriedThenAnErrorNamingTheEndpoint() {
        try (FakeOpenAiServer server = FakeOpenAiServer.start(request -> Reply.hang())) {

            Events tests = run(openAi(server.baseUrl()).configurationParameter("evalunit.call-timeout", "200ms")
                    .configurationParameter("evalunit.retries", "2"), CAPITAL);

            tests.assertThatEvents().haveExactly(1, event(test(), displayName("capital"), finishedWithFailure(anError(),
                    message(m -> m.contains("model call 1 to openai model test-model at " + server.baseUrl()
                            + " failed: gave up after 3 attempts (evalunit.retries=2); the endpoint answered: no answer"
                            + " within evalunit.call-timeout=200ms (every attempt)")))));
            assertThat(server.requests()).hasSize(3);
        }
    }

    @Test
    void aRefusedConnectionIsRetriedThenReported() {
        String closedPortUrl;
        try (FakeOpenAiServer server = FakeOpenAiServer.start(request -> request.answer("unused"))) {
            closedPortUrl = server.baseUrl();
        }

        Events tests = run(openAi(closedPortUrl), CAPITAL);

        tests.assertThatEvents().haveExactly(1, event(test(), displayName("capital"), finishedWithFailure(anError(),
                message(m -> m.contains("gave up after 4 attempts (evalunit.retries=3); the endpoint answered:"
                        + " connection refused (every attempt)")))));
    }

    static EngineTestKit.Builder openAi(String baseUrl) {
        return EngineTestKit.engine("evalunit")
                .enableImplicitConfigurationParameters(false)
                .configurationParameter("evalunit.model", "openai")
                .configurationParameter("evalunit.model.base-url", baseUrl)
                .configurationParameter("evalunit.model.name", "test-model")
                .configurationParameter("evalunit.model.api-key-env", UNSET_KEY_VARIABLE)
                .configurationParameter("evalunit.timeout", "30s")
                .configurationParameter("evalunit.retries.backoff", "10ms");
    }

    private static Events run(EngineTestKit.Builder engine, String resource) {
        return engine.selectors(selectClasspathResource(resource)).execute().testEvents();
    }

    /** Could not be scored: anything but an assertion error, so Surefire counts an error, not a failure. */
    static Condition<Throwable> anError() {
        return new Condition<>(thrown -> !(thrown instanceof AssertionError), "not an AssertionError");
    }

    private static String everyThrowable(Events events) {
        StringBuilder text = new StringBuilder();
        events.stream().forEach(event -> event.getPayload(TestExecutionResult.class)
                .flatMap(TestExecutionResult::getThrowable).ifPresent(thrown -> {
                    StringWriter trace = new StringWriter();
                    thrown.printStackTrace(new PrintWriter(trace));
                    text.append(trace).append('\n');
                }));
        return text.toString();
    }
}
