package dev.evalunit.task;

import dev.evalunit.check.Check;
import dev.evalunit.check.CheckResult;
import dev.evalunit.check.Evidence;
import dev.evalunit.check.RunOutcome;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryLogRecordExporter;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A code task's {@code expect.logs} and {@code expect.metrics}, read from a task file and held
 * against the log records and metrics of a run (made by the SDK, as a program under test makes
 * them), each condition once passing and once failing.
 */
class TelemetryExpectationReadingTest {

    @TempDir
    static Path folder;

    private static Evidence evidence;

    @BeforeAll
    static void run() throws IOException {
        Files.createDirectories(folder.resolve("workspace"));
        Files.writeString(folder.resolve("workspace/App.java"), "class App {}\n");
        InMemorySpanExporter spanExporter = InMemorySpanExporter.create();
        InMemoryLogRecordExporter logExporter = InMemoryLogRecordExporter.create();
        InMemoryMetricReader metricReader = InMemoryMetricReader.create();
        InMemoryMetricReader deltaReader = InMemoryMetricReader.createDelta();
        List<SpanData> spans;
        List<LogRecordData> logs;
        List<MetricData> metrics;
        try (SdkTracerProvider tracing = SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(spanExporter)).build();
             SdkLoggerProvider logging = SdkLoggerProvider.builder()
                     .addLogRecordProcessor(SimpleLogRecordProcessor.create(logExporter)).build();
             SdkMeterProvider metering = SdkMeterProvider.builder().registerMetricReader(metricReader).build();
             SdkMeterProvider deltaMetering = SdkMeterProvider.builder().registerMetricReader(deltaReader).build()) {
            Tracer tracer = tracing.get("shop");
            Logger logger = logging.get("shop");
            Span charge = tracer.spanBuilder("charge").setSpanKind(SpanKind.CLIENT)
                    .setAttribute("order.id", 42L).startSpan();
            try (Scope ignored = charge.makeCurrent()) {
                logger.logRecordBuilder().setSeverity(Severity.ERROR2).setBody("payment declined for order 42")
                        .setAttribute(AttributeKey.longKey("order.id"), 42L).emit();
            } finally {
                charge.end();
            }
            logger.logRecordBuilder().setSeverity(Severity.INFO).setBody("shutting down").emit();
            var placed = metering.get("shop").counterBuilder("orders.placed").setUnit("{order}").build();
            placed.add(2, Attributes.of(AttributeKey.stringKey("region"), "eu"));
            // Two exports, as a periodic reader makes them: the first holds a count on its way to the total.
            List<MetricData> first = List.copyOf(metricReader.collectAllMetrics());
            placed.add(1, Attributes.of(AttributeKey.stringKey("region"), "eu"));
            placed.add(1, Attributes.of(AttributeKey.stringKey("region"), "us"));
            metering.get("shop").histogramBuilder("checkout.duration").setUnit("ms").build().record(30);
            metering.get("shop.carts").upDownCounterBuilder("carts.open").build().add(2);
            deltaMetering.get("shop").counterBuilder("payments.settled").build().add(5);
            metrics = new java.util.ArrayList<>(first);
            metrics.addAll(metricReader.collectAllMetrics());
            metrics.addAll(deltaReader.collectAllMetrics());
            spans = spanExporter.getFinishedSpanItems();
            logs = logExporter.getFinishedLogRecordItems();
        }
        evidence = new Evidence("", spans).with(RunOutcome.class, new RunOutcome(List.of(), spans, logs, metrics));
    }

    @Test
    void bodyEqualsAndContains() {
        assertPasses("logs: [{body: \"payment declined for order 42\"}]");
        assertFails("logs: [{body: \"payment declined\"}]", "body was \"shutting down\", expected \"payment declined\"");
        assertPasses("logs: [{body: {contains: declined}}]");
        assertFails("logs: [{body: {contains: refunded}}]", "0 of 2 log records matched");
    }

    @Test
    void severityMatchesItsFamilyOrOneNumber() {
        assertPasses("logs: [{body: {contains: declined}, severity: ERROR}]");
        assertPasses("logs: [{severity: ERROR2}]");
        assertFails("logs: [{body: {contains: declined}, severity: WARN}]", "severity was ERROR2, expected WARN");
    }

    @Test
    void severityAtLeastPassesThatLevelAndAbove() {
        assertPasses("logs: [{body: {contains: declined}, severity: \">= WARN\"}]");
        assertPasses("logs: [{body: {contains: declined}, severity: \">= ERROR2\"}]");
        assertFails("logs: [{body: {contains: declined}, severity: \">= ERROR3\"}]",
                "severity was ERROR2, expected ERROR3 or above");
        assertFails("logs: [{body: {contains: shutting}, severity: \">= WARN\"}]",
                "severity was INFO, expected WARN or above");
        assertThat(error("logs: [{severity: \">= WARNING\"}]")).contains("t.yaml:").contains("WARN");
    }

    @Test
    void attributesCompareTyped() {
        assertPasses("logs: [{attributes: {order.id: 42}}]");
        assertFails("logs: [{attributes: {order.id: \"42\"}}]", "order.id was 42, expected = \"42\"");
        assertPasses("logs: [{attributes: {order.id: \"> 40\"}}]");
    }

    @Test
    void countsMatchingRecords() {
        assertPasses("logs: [{count: 2}]");
        assertFails("logs: [{severity: INFO, count: 0}]", "expected == 0 log records");
    }

    @Test
    void inSpanFollowsTheRecordsTraceAndSpanIdToASpanThatMatches() {
        assertPasses("logs: [{body: {contains: declined}, in_span: {name: charge, kind: CLIENT,"
                + " attributes: {order.id: 42}}}]");
        assertFails("logs: [{body: {contains: declined}, in_span: {name: charge, kind: SERVER}}]",
                "its span \"charge\" does not match in_span");
        assertFails("logs: [{body: \"shutting down\", in_span: charge}]", "emitted outside a span");
    }

    @Test
    void aCounterWithTypeUnitPointAttributesAndAValueBound() {
        assertPasses("metrics: [{name: orders.placed, type: sum, unit: \"{order}\","
                + " point: {attributes: {region: eu}, value: \">= 3\"}}]");
        assertFails("metrics: [{name: orders.placed, point: {attributes: {region: eu}, value: \">= 4\"}}]",
                "value was 3, expected >= 4");
        assertFails("metrics: [{name: orders.placed, point: {attributes: {region: apac}}}]",
                "region was \"eu\", expected = \"apac\"");
        assertFails("metrics: [{name: orders.placed, type: gauge}]", "its type was sum, expected gauge");
        assertFails("metrics: [{name: orders.placed, unit: \"1\"}]", "its unit was \"{order}\", expected \"1\"");
        assertFails("metrics: [{name: orders.total}]", "no metric named \"orders.total\" was exported; received 4"
                + " metric names: ");
        assertFails("metrics: [{name: orders.total}]", "checkout.duration");
    }

    @Test
    void aHistogramsCountAndSum() {
        assertPasses("metrics: [{name: checkout.duration, type: histogram, point: {count: 1, value: 30}}]");
        assertFails("metrics: [{name: checkout.duration, point: {count: \">= 2\"}}]", "count was 1, expected >= 2");
    }

    @Test
    void monotonicTellsACountersSumFromAnUpDownCounters() {
        assertPasses("metrics: [{name: orders.placed, monotonic: true}]");
        assertFails("metrics: [{name: carts.open, monotonic: true}]",
                "it was not monotonic (an UpDownCounter's sum), expected monotonic (a Counter's)");
        assertPasses("metrics: [{name: carts.open, monotonic: false}]");
        assertFails("metrics: [{name: orders.placed, monotonic: false}]", "it was monotonic (a Counter's sum)");
        assertFails("metrics: [{name: checkout.duration, monotonic: true}]", "it is a histogram, which is neither");
    }

    @Test
    void temporalityIsTheSumsOrHistogramsAggregationTemporality() {
        assertPasses("metrics: [{name: orders.placed, temporality: cumulative}]");
        assertPasses("metrics: [{name: checkout.duration, temporality: cumulative}]");
        assertFails("metrics: [{name: payments.settled, temporality: cumulative}]",
                "its temporality was delta, expected cumulative");
        assertPasses("metrics: [{name: payments.settled, temporality: delta, point: {value: 5}}]");
        assertFails("metrics: [{name: checkout.duration, temporality: delta}]",
                "its temporality was cumulative, expected delta");
    }

    @Test
    void scopeIsTheMetersName() {
        assertPasses("metrics: [{name: carts.open, scope: shop.carts}]");
        assertPasses("metrics: [{name: carts.open, scope: \"shop.*\"}]");
        assertFails("metrics: [{name: orders.placed, scope: shop.carts}]",
                "its meter was \"shop\", expected \"shop.carts\"");
    }

    @Test
    void lastExportHoldsOnlyTheTotalsToTheConditions() {
        assertPasses("metrics: [{name: orders.placed, point: {attributes: {region: eu}, value: 2}}]");
        assertFails("metrics: [{name: orders.placed, export: last, point: {attributes: {region: eu}, value: 2}}]",
                "value was 3, expected == 2");
        assertFails("metrics: [{name: orders.placed, export: last, point: {attributes: {region: eu}, value: 2}}]",
                "in its last export; received its last export, not matching");
        assertPasses("metrics: [{name: orders.placed, export: last, point: {attributes: {region: eu}, value: 3}}]");
        assertPasses("metrics: [{name: orders.placed, export: any, point: {value: 2}}]");
    }

    @Test
    void aTaskWithoutARunFailsTheChecksSayingSo() {
        Check check = checks("logs: [{body: {contains: declined}}]").get(0);
        assertThat(check.evaluate(new Evidence("", List.of())).message()).contains("no program ran");
    }

    @Test
    void mistakesInTheTaskFileSayWhereAndWhat() {
        assertThat(error("logs: [{severity: ERRROR}]")).contains("t.yaml:").contains("ERROR");
        assertThat(error("metrics: [{name: x, type: counter}]")).contains("counter").contains("sum");
        assertThat(error("metrics: [{type: sum}]")).contains("has no name");
        assertThat(error("logs: [{body: {starts: x}}]")).contains("starts");
        assertThat(error("metrics: [{name: x, point: {value: lots}}]")).contains("is not a bound");
        assertThat(error("metrics: [{name: x, monotonic: yes please}]")).contains("must be true");
        assertThat(error("metrics: [{name: x, temporality: cumulativ}]")).contains("did you mean \"cumulative\"");
        assertThat(error("metrics: [{name: x, export: first}]")).contains("unknown export \"first\"");
        assertThat(error("metrics: [{name: x, monotnic: true}]")).contains("monotonic");
    }

    @Test
    void logAndMetricChecksBelongToTheTaskItselfSoTheyNeverShiftALayersSpanLabels() {
        String list = """
                expect: {spans: [{name: charge}]}
                tasks:
                  - id: a
                    prompt: Add logs
                    workspace: workspace
                    run: {processes: [{name: app, main: App}]}
                    expect: {logs: [{severity: ERROR}], metrics: [{name: orders.placed}], spans: [{name: refund}]}
                """;
        List<Check> checks = new TaskFileLoader().load(folder.resolve("list.yaml").toUri(), "list.yaml", "list", list)
                .tasks().get(0).checks();

        assertThat(checks).extracting(Check::label).contains("spans[0] \"charge\"", "spans[1] \"refund\"");
        assertThatThrownBy(() -> new TaskFileLoader().load(folder.resolve("list.yaml").toUri(), "list.yaml", "list",
                list.replace("expect: {spans: [{name: charge}]}", "expect: {logs: [{severity: ERROR}]}")))
                .hasMessageContaining("list.yaml:1:").hasMessageContaining("unknown key \"logs\"");
    }

    private static void assertPasses(String expect) {
        CheckResult result = checks(expect).get(0).evaluate(evidence);
        assertThat(result.passed()).as("%s", result).isTrue();
    }

    private static void assertFails(String expect, String message) {
        CheckResult result = checks(expect).get(0).evaluate(evidence);
        assertThat(result.passed()).as("%s", result).isFalse();
        assertThat(result.message()).contains(message);
    }

    private static List<Check> checks(String expect) {
        return new TaskFileLoader().load(folder.resolve("t.yaml").toUri(), "t.yaml", "t", yaml(expect)).tasks().get(0)
                .checks();
    }

    private static String error(String expect) {
        try {
            checks(expect);
        } catch (dev.evalunit.source.TaskFileException e) {
            return e.getMessage();
        }
        throw new AssertionError("loading should fail: " + expect);
    }

    private static String yaml(String expect) {
        return """
                prompt: Add logs
                workspace: workspace
                run: {processes: [{name: app, main: App}]}
                expect:
                  %s
                """.formatted(expect);
    }
}
