package dev.evalunit.junit.code;

import dev.evalunit.junit.EvalSuite;
import dev.evalunit.junit.ModelUnderTest;
import dev.evalunit.model.Agent;
import dev.evalunit.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;

/**
 * Code tasks through the engine: task files with a workspace, a reference and a run, built with a
 * real compile and run as real JVMs that export to the trial's receiver; and every way an answer
 * can fail before its checks.
 */
class CodeTasksThroughEngineTest {

    private static final String APP = "src/shop/App.java";

    @EvalSuite("code")
    static class WrongAnswersSuite {

        /** For each task, the mistake it is there to catch. */
        @ModelUnderTest
        static final Agent WRONG_ANSWERS = context -> switch (context.task().id()) {
            case "compile-error" -> file(APP, "package shop;\npublic class App { void broken( }\n");
            case "outside-workspace" -> file("../App.java", "class App {}\n");
            case "no-file" -> "I would wrap checkout in a span.";
            case "nothing-exported" -> file(APP, "package shop;\npublic class App {\n"
                    + "  public static void main(String[] a) { System.out.println(\"order placed\"); }\n}\n");
            case "hangs" -> file(APP, "package shop;\npublic class App {\n"
                    + "  public static void main(String[] a) throws Exception { Thread.sleep(600_000); }\n}\n");
            case "floods" -> file(APP, "package shop;\npublic class App {\n"
                    + "  public static void main(String[] a) { while (true) System.out.println(\"spam\"); }\n}\n");
            case "never-ready" -> file(APP, "package shop;\npublic class App {\n"
                    + "  public static void main(String[] a) throws Exception {\n"
                    + "    System.out.println(\"starting\"); Thread.sleep(600_000); }\n}\n");
            // Spans, but flat: the child has no parent and no exception event.
            default -> file(APP, """
                    package shop;
                    import io.opentelemetry.api.trace.Tracer;
                    import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
                    public class App {
                        public static void main(String[] args) {
                            Tracer tracer = AutoConfiguredOpenTelemetrySdk.initialize().getOpenTelemetrySdk().getTracer("shop.app");
                            tracer.spanBuilder("place order").startSpan().end();
                            tracer.spanBuilder("charge").startSpan().end();
                            System.out.println("order placed");
                        }
                    }
                    """);
        };

        private static String file(String path, String content) {
            return "```java " + path + "\n" + content + "```\n";
        }
    }

    @Test
    void theOraclesReferencePassesAndTheUnchangedWorkspaceFails() {
        EngineExecutionResults oracle = run("oracle");
        EngineExecutionResults nop = run("nop");

        assertThat(status(oracle, "app")).isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
        assertThat(message(nop, "app")).contains("app [nop]: 0 of 1 trial passed",
                "the run exported no spans: no process sent a trace to OTEL_EXPORTER_OTLP_ENDPOINT");
    }

    @Test
    void everyWayAnAnswerCanFailIsAFailureThatSaysWhich() {
        EngineExecutionResults results = EngineTestKit.engine("evalunit")
                .enableImplicitConfigurationParameters(false)
                .selectors(selectClass(WrongAnswersSuite.class))
                .execute();

        Map<String, String> failures = new TreeMap<>();
        results.testEvents().finished().stream().forEach(event -> failures.put(
                event.getTestDescriptor().getDisplayName(),
                event.getRequiredPayload(TestExecutionResult.class).getStatus() + ": "
                        + event.getRequiredPayload(TestExecutionResult.class).getThrowable()
                        .map(Throwable::getMessage).orElse("")));
        assertThat(failures).hasSize(8).allSatisfy((task, failure) -> assertThat(failure).startsWith("FAILED: "));
        assertThat(failures.get("app")).contains("run.traces: expected 1 distinct trace ids, found 2",
                "spans[1] \"charge\": expected count >= 1, found 0");
        assertThat(failures.get("compile-error")).contains("compile error: src/shop/App.java:2:");
        assertThat(failures.get("outside-workspace")).contains("the answer's file ../App.java (line 1) is outside"
                + " the workspace");
        assertThat(failures.get("no-file")).contains("the answer names no file");
        assertThat(failures.get("nothing-exported")).contains("the run exported no spans");
        assertThat(failures.get("hangs")).contains("process app did not finish within 40s");
        assertThat(failures.get("floods")).contains("process app printed more than 20000 characters (an output flood)");
        assertThat(failures.get("never-ready")).contains("process server never printed a line containing"
                + " \"Listening\" within 40s");
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)).isEmpty();
    }

    private static EngineExecutionResults run(String model) {
        return EngineTestKit.engine("evalunit")
                .enableImplicitConfigurationParameters(false)
                .configurationParameter("evalunit.model", model)
                .selectors(selectClasspathResource("code/app.yaml"))
                .execute();
    }

    private static TestExecutionResult.Status status(EngineExecutionResults results, String task) {
        return results.testEvents().finished().stream()
                .filter(event -> event.getTestDescriptor().getDisplayName().startsWith(task))
                .map(event -> event.getRequiredPayload(TestExecutionResult.class).getStatus())
                .findFirst().orElseThrow();
    }

    private static String message(EngineExecutionResults results, String task) {
        return results.testEvents().finished().stream()
                .filter(event -> event.getTestDescriptor().getDisplayName().startsWith(task))
                .map(event -> event.getRequiredPayload(TestExecutionResult.class).getThrowable()
                        .map(Throwable::getMessage).orElse(""))
                .findFirst().orElseThrow();
    }
}
