package dev.evalunit.task;

import dev.evalunit.check.Check;
import dev.evalunit.check.CheckResult;
import dev.evalunit.check.Evidence;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.evalunit.task.TaskFiles.error;
import static dev.evalunit.task.TaskFiles.task;
import static org.assertj.core.api.Assertions.assertThat;

/** The trace-shape keys of a span expectation, and trace patterns, read from YAML. */
class TraceShapeReadingTest {

    /**
     * One order trace: a SERVER span "POST /orders" (http.response.status_code 201, a string array
     * attribute) with a CLIENT "charge" child that failed with a description, and a "process"
     * span in its own trace linking to the charge.
     */
    private static Evidence orderTrace(boolean chargeInsideOrder) {
        InMemorySpanExporter exporter = InMemorySpanExporter.create();
        try (SdkTracerProvider provider = SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build()) {
            Tracer tracer = provider.get("shop.orders");
            long t0 = 1_700_000_000_000_000_000L;
            Span order = tracer.spanBuilder("POST /orders").setSpanKind(SpanKind.SERVER)
                    .setAttribute("http.response.status_code", 201L)
                    .setAttribute("code.text", "404")
                    .setAttribute(AttributeKey.stringArrayKey("tags"), List.of("web", "eu"))
                    .setStartTimestamp(t0, java.util.concurrent.TimeUnit.NANOSECONDS).startSpan();
            Span charge = tracer.spanBuilder("charge").setSpanKind(SpanKind.CLIENT)
                    .setParent(Context.root().with(order))
                    .setStartTimestamp(t0 + 10, java.util.concurrent.TimeUnit.NANOSECONDS).startSpan();
            charge.setStatus(StatusCode.ERROR, "card declined");
            charge.end(t0 + (chargeInsideOrder ? 50 : 500), java.util.concurrent.TimeUnit.NANOSECONDS);
            order.end(t0 + 100, java.util.concurrent.TimeUnit.NANOSECONDS);
            tracer.spanBuilder("process").setNoParent().addLink(charge.getSpanContext())
                    .setStartTimestamp(t0 + 600, java.util.concurrent.TimeUnit.NANOSECONDS).startSpan()
                    .end(t0 + 700, java.util.concurrent.TimeUnit.NANOSECONDS);
            return new Evidence("", exporter.getFinishedSpanItems());
        }
    }

    private static List<CheckResult> results(String yaml, Evidence evidence) {
        return task(yaml).checks().stream().map(check -> check.evaluate(evidence)).toList();
    }

    @Test
    void readsEveryNewSpanKeyIntoChecksThatHoldOnTheTraceTheyDescribe() {
        List<CheckResult> results = results("""
                prompt: Hi
                expect:
                  spans:
                    - name: charge
                      count: 1
                      parent: {name: POST /orders, kind: SERVER, attributes: {http.response.status_code: 201}}
                      ancestor: {kind: SERVER}
                      status-description: {contains: declined}
                    - name: POST /orders
                      encloses: children
                      attributes:
                        tags: [web, eu]
                        code.text: "404"
                        http.response.status_code: {loose: "201"}
                    - name: process
                      links: {count: 1, distinct: true, to: {name: charge, kind: CLIENT}}
                      after: {name: charge, within: any}
                    - each: {name: POST /orders, root: true, only: true, children: [{name: charge, count: 1}]}
                      traces: 1
                    - some: {name: process, root: true}
                    - none: {name: charge, children: [{name: "*"}]}
                """, orderTrace(true));

        assertThat(results).allSatisfy(result -> assertThat(result.passed()).as("%s", result).isTrue());
    }

    @Test
    void failsTheSameChecksOnATraceOfTheWrongShapeOrType() {
        List<CheckResult> results = results("""
                prompt: Hi
                expect:
                  spans:
                    - name: POST /orders
                      encloses: children
                    - name: POST /orders
                      attributes: {code.text: 404}
                    - name: POST /orders
                      attributes: {http.response.status_code: "> 500"}
                    - name: POST /orders
                      attributes: {tags: web}
                    - name: charge
                      parent: {name: POST /orders, kind: CLIENT}
                    - name: process
                      links: {to: {name: charge, kind: SERVER}}
                    - name: process
                      after: {name: charge, within: trace}
                    - each: {name: POST /orders, children: [{name: charge, count: 2}]}
                """, orderTrace(false));

        assertThat(results).allSatisfy(result -> assertThat(result.passed()).as("%s", result).isFalse());
        assertThat(results.get(0).message()).contains("does not enclose \"charge\"");
        assertThat(results.get(1).message()).contains("code.text was \"404\", expected = 404");
        assertThat(results.get(3).message()).contains("tags was [\"web\",\"eu\"], expected = \"web\"");
        assertThat(results.get(4).message()).contains("kind was SERVER, expected CLIENT");
        assertThat(results.get(6).message()).contains("has no \"charge\" span in its trace to start after");
        assertThat(results.get(7).message()).contains("has 1 matching children \"charge\", expected 2");
    }

    @Test
    void showsAWholeDoubleWithItsPointSoAFailureTellsItFromAnInt() {
        InMemorySpanExporter exporter = InMemorySpanExporter.create();
        Evidence evidence;
        try (SdkTracerProvider provider = SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build()) {
            provider.get("app").spanBuilder("convert").setAttribute("reading.fahrenheit", 37.0)
                    .setAttribute("reading.count", 37L).startSpan().end();
            evidence = new Evidence("", exporter.getFinishedSpanItems());
        }
        List<CheckResult> results = results("""
                prompt: Hi
                expect:
                  spans:
                    - name: convert
                      attributes: {reading.fahrenheit: "> 98.5"}
                    - name: convert
                      attributes: {reading.count: 37.0}
                    - name: convert
                      attributes: {reading.fahrenheit: 37.0, reading.count: 37}
                """, evidence);

        assertThat(results.get(0).message()).contains("reading.fahrenheit was 37.0, expected > 98.5");
        assertThat(results.get(1).message()).contains("reading.count was 37, expected = 37.0");
        assertThat(results.get(2).passed()).as("%s", results.get(2)).isTrue();
    }

    @Test
    void refusesAnItemWithTwoQuantifiers() {
        assertThat(error("""
                prompt: Hi
                expect:
                  spans:
                    - each: {name: a}
                      some: {name: b}
                """)).contains("must hold exactly one of each, some and none; it holds each, some");
    }

    @Test
    void refusesATraceCountWithNone() {
        assertThat(error("""
                prompt: Hi
                expect:
                  spans:
                    - none: {name: a}
                      traces: 1
                """)).contains("traces does not go with none");
    }

    @Test
    void refusesAnUnknownAfterScopeSuggestingTheClosest() {
        assertThat(error("""
                prompt: Hi
                expect:
                  spans:
                    - name: a
                      after: {name: b, within: traces}
                """)).contains("unknown after scope \"traces\"; did you mean \"trace\"?");
    }

    @Test
    void refusesAnUnknownKeyInAParentCondition() {
        assertThat(error("""
                prompt: Hi
                expect:
                  spans:
                    - name: a
                      parent: {name: b, knd: SERVER}
                """)).contains("unknown key \"knd\"; did you mean \"kind\"?");
    }

    @Test
    void refusesEnclosesThatIsNeitherChildrenNorDescendants() {
        assertThat(error("""
                prompt: Hi
                expect:
                  spans:
                    - name: a
                      encloses: everything
                """)).contains("encloses must be children");
    }
}
