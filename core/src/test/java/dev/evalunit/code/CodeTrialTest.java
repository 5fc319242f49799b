package dev.evalunit.code;

import dev.evalunit.check.CheckResult;
import dev.evalunit.check.Comparison;
import dev.evalunit.check.Evidence;
import dev.evalunit.check.RunChecks;
import dev.evalunit.check.LogExpectation;
import dev.evalunit.check.MetricExpectation;
import dev.evalunit.check.SpanCondition;
import dev.evalunit.check.SpanExpectation;
import dev.evalunit.check.AttributeCondition;
import dev.evalunit.sandbox.Sandboxes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Code trials end to end: a real compile with javac, real child JVMs, the real OTLP exporter
 * sending to the trial's receiver.
 */
class CodeTrialTest {

    private static final String APP = "src/shop/App.java";
    private static final Map<String, String> WORKSPACE = Map.of(APP, Programs.PLAIN_APP);

    @TempDir
    Path temporary;

    private CodeRun run(CodeSpec spec, String answer, long seconds) {
        return CodeTrial.run(spec, answer, Programs.seconds(seconds), Sandboxes.BUBBLEWRAP);
    }

    private static CodeSpec app() {
        return Programs.spec(WORKSPACE, List.of(Programs.process("app", "shop.App")), List.of());
    }

    @Test
    void joinsTheSpansTheProgramExportedWithTheirResourceAndScope() {
        CodeRun run = run(app(), Programs.answer(APP, Programs.TRACED_APP), 60);

        assertThat(run.failure()).isEmpty();
        assertThat(run.spans()).extracting(SpanData::getName).containsExactlyInAnyOrder("first", "checkout", "charge");
        SpanData charge = span(run, "charge");
        assertThat(charge.getResource().getAttributes().asMap().toString()).contains("service.name=shop",
                "telemetry.sdk.name=opentelemetry");
        assertThat(charge.getInstrumentationScopeInfo().getName()).isEqualTo("shop.app");
        assertThat(charge.getInstrumentationScopeInfo().getVersion()).isEqualTo("1.0");
        assertThat(charge.getParentSpanId()).isEqualTo(span(run, "checkout").getSpanId());
        assertThat(run.outcome().processes()).singleElement().satisfies(process -> {
            assertThat(process.exitCode()).hasValue(0);
            assertThat(process.output()).isEqualTo("order placed\n");
        });
    }

    @Test
    void runsUnconfinedOnlyWhenAskedTo() {
        CodeRun run = CodeTrial.run(app(), Programs.answer(APP, Programs.TRACED_APP), Programs.seconds(120),
                Sandboxes.NONE);

        assertThat(run.failure()).isEmpty();
        assertThat(run.spans()).extracting(SpanData::getName).contains("checkout");
    }

    @Test
    void theRunsSpansAndOutcomeAreWhatChecksSee() {
        CodeRun run = run(app(), Programs.answer(APP, Programs.TRACED_APP), 60);
        Evidence evidence = run.addTo(new Evidence("the answer", List.of()));

        assertThat(passed(evidence, SpanExpectation.named("checkout").kind(SpanKind.SERVER)
                .resource("service.name", AttributeCondition.equalTo("shop"))
                .resource("telemetry.sdk.language", AttributeCondition.equalTo("java"))
                .scope("shop.*").links(Comparison.parse(">= 1").orElseThrow()).count(Comparison.exactly(1)).build()))
                .isTrue();
        assertThat(passed(evidence, SpanExpectation.named("charge").parent("checkout").status(StatusCode.ERROR)
                .event("exception", Map.of("exception.type", AttributeCondition.equalTo("java.lang.IllegalStateException")))
                .build())).isTrue();
        assertThat(passed(evidence, SpanExpectation.named("charge").kind(SpanKind.CLIENT).build())).isFalse();
        assertThat(passed(evidence, SpanExpectation.named("checkout").event("exception").build())).isFalse();
        assertThat(passed(evidence, RunChecks.exitCode(0))).isTrue();
        assertThat(passed(evidence, RunChecks.outputContains("order placed"))).isTrue();
        assertThat(passed(evidence, RunChecks.traces(Comparison.exactly(2)))).isTrue();
        assertThat(passed(evidence, RunChecks.traces(Comparison.exactly(1)))).isFalse();
    }

    /** Logs in a span and counts with the autoconfigured SDK: the engine's defaults export both over OTLP. */
    private static final String LOGGING_APP = """
            package shop;

            import io.opentelemetry.api.OpenTelemetry;
            import io.opentelemetry.api.common.AttributeKey;
            import io.opentelemetry.api.common.Attributes;
            import io.opentelemetry.api.logs.Severity;
            import io.opentelemetry.api.trace.Span;
            import io.opentelemetry.context.Scope;
            import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;

            public class App {
                public static void main(String[] args) {
                    OpenTelemetry otel = AutoConfiguredOpenTelemetrySdk.initialize().getOpenTelemetrySdk();
                    Span checkout = otel.getTracer("shop.app").spanBuilder("checkout").startSpan();
                    try (Scope ignored = checkout.makeCurrent()) {
                        otel.getLogsBridge().get("shop.app").logRecordBuilder().setSeverity(Severity.WARN)
                                .setBody("stock low for sku-7").setAttribute(AttributeKey.stringKey("sku"), "sku-7").emit();
                    } finally {
                        checkout.end();
                    }
                    otel.getMeter("shop.app").counterBuilder("orders.placed").setUnit("{order}").build()
                            .add(3, Attributes.of(AttributeKey.stringKey("region"), "eu"));
                    System.out.println("order placed");
                }
            }
            """;

    @Test
    void theRunsLogsAndMetricsReachTheirChecks() {
        CodeRun run = run(app(), Programs.answer(APP, LOGGING_APP), 60);
        Evidence evidence = run.addTo(new Evidence("the answer", List.of()));

        assertThat(run.failure()).isEmpty();
        assertThat(passed(evidence, LogExpectation.builder(0).bodyContains("stock low").severity("WARN")
                .attribute("sku", AttributeCondition.equalTo("sku-7"))
                .inSpan(SpanCondition.named("checkout")).count(Comparison.exactly(1)).build())).isTrue();
        assertThat(passed(evidence, LogExpectation.builder(0).inSpan(SpanCondition.named("charge")).build())).isFalse();
        assertThat(passed(evidence, MetricExpectation.named(0, "orders.placed").type("sum").unit("{order}")
                .attribute("region", AttributeCondition.equalTo("eu"))
                .value(Comparison.parse(">= 3").orElseThrow()).build())).isTrue();
        assertThat(passed(evidence, MetricExpectation.named(0, "orders.placed")
                .value(Comparison.parse(">= 4").orElseThrow()).build())).isFalse();
    }

    @Test
    void startsAServiceOnAnAssignedPortWaitsUntilReadyThenRunsTheClientInOneTrace() {
        Map<String, String> workspace = Map.of("src/shop/Server.java", Programs.SERVER,
                "src/shop/Client.java", Programs.CLIENT);
        CodeSpec spec = Programs.spec(workspace, List.of(Programs.service("server", "shop.Server", "Listening on"),
                Programs.process("client", "shop.Client", "${SERVER_PORT}")), List.of("SERVER_PORT"));

        CodeRun run = run(spec, AnswerFormat.render(workspace), 60);

        assertThat(run.failure()).isEmpty();
        assertThat(run.outcome().processes()).extracting(p -> p.name() + ":" + p.exitCode())
                .containsExactly("server:OptionalInt.empty", "client:OptionalInt[0]");
        assertThat(run.outcome().output()).contains("Listening on", "order 7 placed");
        SpanData server = span(run, "GET /order");
        SpanData client = span(run, "GET");
        assertThat(server.getTraceId()).isEqualTo(client.getTraceId());
        assertThat(server.getParentSpanId()).isEqualTo(client.getSpanId());
        assertThat(server.getParentSpanContext().isRemote()).isTrue();
        assertThat(run.outcome().traces()).hasSize(1);
    }

    @Test
    void failsOnACompileErrorWithTheCompilersFirstMessage() {
        CodeRun run = run(app(), Programs.answer(APP, "package shop;\npublic class App { void broken( }\n"), 60);

        assertThat(run.failure()).hasValueSatisfying(failure -> assertThat(failure)
                .startsWith("compile error: src/shop/App.java:2:").doesNotContain(temporary.toString()));
        assertThat(run.outcome().processes()).isEmpty();
    }

    @Test
    void stopsAProcessThatHangsWithItsChildrenAndFailsSayingSo() throws Exception {
        String hanging = """
                package shop;
                public class App {
                    public static void main(String[] args) throws Exception {
                        Process child = new ProcessBuilder("sleep", "613").start();
                        System.out.println("child " + child.pid());
                        Thread.sleep(600_000);
                    }
                }
                """;
        CodeRun run = run(app(), Programs.answer(APP, hanging), 20);

        assertThat(run.failure()).hasValueSatisfying(failure -> assertThat(failure)
                .startsWith("process app did not finish within 20s (the run's timeout)")
                .contains("stopped it and its children"));
        assertThat(run.outcome().output()).containsPattern("child \\d+");
        // The pid it printed is its sandbox's own; on the host, look for the command itself.
        assertThat(ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().arguments().map(a -> List.of(a).contains("613")).orElse(false)))
                .isEmpty();
        assertThat(run.outcome().processes()).singleElement().satisfies(p -> assertThat(p.exitCode()).isEmpty());
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)).isEmpty();
    }

    @Test
    void failsWhenAServiceNeverPrintsItsReadinessLine() {
        String slow = """
                package shop;
                public class App {
                    public static void main(String[] args) throws Exception {
                        System.out.println("starting...");
                        Thread.sleep(600_000);
                    }
                }
                """;
        CodeSpec spec = Programs.spec(WORKSPACE, List.of(Programs.service("app", "shop.App", "Listening")), List.of());

        CodeRun run = run(spec, Programs.answer(APP, slow), 20);

        // On a loaded machine the child JVM may not even reach its first line in time: both are this failure.
        assertThat(run.failure()).hasValueSatisfying(failure -> assertThat(failure).isIn(
                "process app never printed a line containing \"Listening\" within 20s (the run's timeout) (it never"
                        + " became ready); stopped it and its children. Its output ends \"starting...\"",
                "process app never printed a line containing \"Listening\" within 20s (the run's timeout) (it never"
                        + " became ready); stopped it and its children. Its output ends (it printed nothing)"));
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)).isEmpty();
    }

    @Test
    void failsWhenAServiceExitsBeforeItIsReady() {
        String crashing = """
                package shop;
                public class App {
                    public static void main(String[] args) {
                        System.err.println("port already in use");
                        System.exit(3);
                    }
                }
                """;
        CodeSpec spec = Programs.spec(WORKSPACE, List.of(Programs.service("app", "shop.App", "Listening")), List.of());

        CodeRun run = run(spec, Programs.answer(APP, crashing), 30);

        assertThat(run.failure()).hasValue("process app exited with 3 before it printed a line containing"
                + " \"Listening\"; its output ends \"port already in use\"");
    }

    @Test
    void stopsAProcessThatFloodsItsOutput() {
        String flooding = """
                package shop;
                public class App {
                    public static void main(String[] args) {
                        while (true) {
                            System.out.println("spam spam spam spam spam spam spam spam");
                        }
                    }
                }
                """;
        CodeRun run = run(app(), Programs.answer(APP, flooding), 30);

        assertThat(run.failure()).hasValueSatisfying(failure -> assertThat(failure)
                .startsWith("process app printed more than 100000 characters (an output flood); stopped it"));
        assertThat(run.outcome().processes()).singleElement()
                .satisfies(p -> assertThat(p.output()).hasSize(100_000));
        assertThat(ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)).isEmpty();
    }

    @Test
    void failsWhenTheAnswerNamesAPathOutsideTheWorkspaceAndWritesNothing() throws IOException {
        Path outside = temporary.resolve("Evil.java");
        CodeRun run = run(app(), Programs.answer("../Evil.java", "class Evil {}\n"), 30);

        assertThat(run.failure()).hasValue("the answer's file ../Evil.java (line 3) is outside the workspace (it goes"
                + " up with ..); name every file by its path in the workspace, such as src/main/java/shop/App.java");
        assertThat(outside).doesNotExist();
        try (var files = Files.list(temporary)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void failsWhenTheAnswerNamesNoFile() {
        CodeRun run = run(app(), "I would add a span around checkout.", 30);

        assertThat(run.failure()).hasValueSatisfying(failure -> assertThat(failure).startsWith("the answer names no file"));
    }

    @Test
    void failsWhenTheRunExportsNothing() {
        CodeRun run = run(app(), Programs.answer(APP, Programs.PLAIN_APP), 60);

        assertThat(run.failure()).hasValue("the run exported no spans: no process sent a trace to"
                + " OTEL_EXPORTER_OTLP_ENDPOINT before it ended (is the SDK initialised, and are its spans exported"
                + " before the program exits?)");
        assertThat(run.outcome().processes()).singleElement().satisfies(p -> assertThat(p.exitCode()).hasValue(0));
    }

    @Test
    void aFailedRunSaysWhichProcessExitedWithAnError() {
        String failing = """
                package shop;
                public class App {
                    public static void main(String[] args) {
                        throw new IllegalStateException("no config");
                    }
                }
                """;
        CodeRun run = run(app(), Programs.answer(APP, failing), 60);

        assertThat(run.failure()).hasValueSatisfying(failure -> assertThat(failure)
                .contains("process app exited with 1, its output ends", "IllegalStateException: no config"));
    }

    private static SpanData span(CodeRun run, String name) {
        return run.spans().stream().filter(span -> span.getName().equals(name)).findFirst().orElseThrow();
    }

    private static boolean passed(Evidence evidence, dev.evalunit.check.Check check) {
        CheckResult result = check.evaluate(evidence);
        return result.passed();
    }
}
