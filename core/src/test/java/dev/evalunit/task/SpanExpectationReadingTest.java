package dev.evalunit.task;

import dev.evalunit.check.Check;
import dev.evalunit.check.Evidence;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.evalunit.task.TaskFiles.task;
import static org.assertj.core.api.Assertions.assertThat;

/** Span expectations read from YAML hold on the spans they describe, values compared by their YAML type. */
class SpanExpectationReadingTest {

    @Test
    void readsAttributeConditionsCountAndSumsThatHoldOnMatchingSpans() {
        List<Check> checks = task("""
                prompt: Hi
                expect:
                  spans:
                    - name: "execute_tool get_*"
                      attributes:
                        gen_ai.tool.name: get_pod_events
                        gen_ai.usage.output_tokens: 300
                        retried: false
                        ratio: 0.5
                        gen_ai.tool.call.arguments: {contains: checkout}
                        error.type: {exists: false}
                      status: UNSET
                      parent: "invoke_agent *"
                    - name: "execute_tool get_*"
                      attributes:
                        gen_ai.usage.output_tokens: "< 500"
                        gen_ai.tool.call.arguments: {matches: ".*checkout.*"}
                      count: 1
                      sum: {gen_ai.usage.output_tokens: "<= 300"}
                """).checks();

        Evidence evidence = evidence(300);

        assertThat(checks).allSatisfy(check -> assertThat(check.evaluate(evidence).passed())
                .as("%s", check.evaluate(evidence)).isTrue());
    }

    @Test
    void readsAnIntegerAttributeAsANumberThatMustBeEqual() {
        Check check = task("""
                prompt: Hi
                expect:
                  spans:
                    - name: "execute_tool get_*"
                      attributes: {gen_ai.usage.output_tokens: 300}
                """).checks().get(0);

        assertThat(check.evaluate(evidence(300)).passed()).isTrue();
        assertThat(check.evaluate(evidence(301)).passed()).isFalse();
    }

    private static Evidence evidence(long outputTokens) {
        InMemorySpanExporter exporter = InMemorySpanExporter.create();
        try (SdkTracerProvider provider = SdkTracerProvider.builder()
                .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build()) {
            Tracer tracer = provider.get("evalunit-test");
            var agent = tracer.spanBuilder("invoke_agent sre").startSpan();
            tracer.spanBuilder("execute_tool get_pod_events")
                    .setParent(Context.current().with(agent))
                    .setAttribute("gen_ai.tool.name", "get_pod_events")
                    .setAttribute("gen_ai.usage.output_tokens", outputTokens)
                    .setAttribute("retried", false)
                    .setAttribute("ratio", 0.5)
                    .setAttribute("gen_ai.tool.call.arguments", "{\"pod\":\"checkout\"}")
                    .startSpan()
                    .end();
            agent.end();
            // before the provider closes: shutting the exporter down forgets the spans
            return new Evidence("", exporter.getFinishedSpanItems());
        }
    }
}
