package dev.evalunit.junit.engine;

import dev.evalunit.config.Constants;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the EvalUnit engine through the JUnit Platform test kit, found by its id as a build finds
 * it, and reads what the run reported.
 */
final class EngineRuns {

    static final UniqueId ENGINE = UniqueId.forEngine(EvalUnitTestEngine.ENGINE_ID);

    private EngineRuns() {
    }

    /** Runs the engine with System.out captured: the engine prints its lines there, as Surefire shows them. */
    static String console(EngineTestKit.Builder run) {
        return console(run, new EngineExecutionResults[1]);
    }

    /** As {@link #console(EngineTestKit.Builder)}, keeping the run's results in {@code results[0]}. */
    static synchronized String console(EngineTestKit.Builder run, EngineExecutionResults[] results) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            results[0] = run.execute();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    /**
     * @return the engine, blind to system properties and junit-platform.properties, so -D flags of the
     *         build cannot leak in, writing into a report directory of its own (a test that reads the
     *         files sets {@code evalunit.report.dir} again, which wins), so that one execution's summary
     *         line never counts another test's tasks
     */
    static EngineTestKit.Builder evalunit() {
        return EngineTestKit.engine(EvalUnitTestEngine.ENGINE_ID).enableImplicitConfigurationParameters(false)
                .configurationParameter(Constants.REPORT_DIR_PROPERTY_NAME,
                        Path.of("target", "engine-runs", UUID.randomUUID().toString()).toString());
    }

    /** @return the engine with {@code evalunit.model} set, e.g. to oracle or nop */
    static EngineTestKit.Builder evalunit(String model) {
        return evalunit().configurationParameter(Constants.MODEL_PROPERTY_NAME, model);
    }

    static UniqueId suiteId(Class<?> suiteClass) {
        return ENGINE.append("suite", suiteClass.getName());
    }

    static UniqueId taskId(Class<?> suiteClass, String task) {
        return suiteId(suiteClass).append("task", task);
    }

    /** @return where a test resource is on disk: target/test-classes holds the copies the tests read */
    static Path onDisk(String resource) {
        URL url = EngineRuns.class.getClassLoader().getResource(resource);
        assertThat(url).as("test resource %s", resource).isNotNull();
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the display names of the tests that finished, in the order they finished */
    static List<String> finishedTests(EngineExecutionResults results) {
        return results.testEvents().finished().stream()
                .map(event -> event.getTestDescriptor().getDisplayName())
                .collect(Collectors.toList());
    }

    /** @return how the one test named {@code displayName} finished */
    static TestExecutionResult resultOf(EngineExecutionResults results, String displayName) {
        List<TestExecutionResult> finished = results.testEvents().finished().stream()
                .filter(event -> event.getTestDescriptor().getDisplayName().equals(displayName))
                .map(event -> event.getRequiredPayload(TestExecutionResult.class))
                .collect(Collectors.toList());
        assertThat(finished).as("results of test %s among %s", displayName, finishedTests(results)).hasSize(1);
        return finished.get(0);
    }

    /** @return what the test named {@code displayName} failed with; fails unless it failed */
    static Throwable failureOf(EngineExecutionResults results, String displayName) {
        TestExecutionResult result = resultOf(results, displayName);
        assertThat(result.getStatus()).as("status of test %s", displayName).isEqualTo(TestExecutionResult.Status.FAILED);
        return result.getThrowable().orElseThrow();
    }

    /** @return the display names of the tests that passed */
    static List<String> passedTests(EngineExecutionResults results) {
        return results.testEvents().succeeded().stream()
                .map(Event::getTestDescriptor)
                .map(descriptor -> descriptor.getDisplayName())
                .collect(Collectors.toList());
    }
}
