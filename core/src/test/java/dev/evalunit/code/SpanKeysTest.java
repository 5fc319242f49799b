package dev.evalunit.code;

import dev.evalunit.check.AttributeCondition;
import dev.evalunit.check.CheckResult;
import dev.evalunit.check.Comparison;
import dev.evalunit.check.Evidence;
import dev.evalunit.check.SpanExpectation;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.testing.trace.TestSpanData;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The span keys code tasks brought (kind, resource, scope, events, links), both ways, with their messages. */
class SpanKeysTest {

    private static final String TRACE = "5b8efff798038103d269b633813fc60c";

    private static final SpanData CONSUMER = TestSpanData.builder()
            .setSpanContext(SpanContext.create(TRACE, "eee19b7ec3c1b174", TraceFlags.getSampled(), TraceState.getDefault()))
            .setName("process payments")
            .setKind(SpanKind.CONSUMER)
            .setStartEpochNanos(1)
            .setEndEpochNanos(2)
            .setHasEnded(true)
            .setStatus(StatusData.unset())
            .setResource(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "payments")))
            .setInstrumentationScopeInfo(InstrumentationScopeInfo.create("shop.payments"))
            .setEvents(List.of(EventData.create(1, "exception",
                    Attributes.of(AttributeKey.stringKey("exception.type"), "java.io.IOException"))))
            .setLinks(List.of(LinkData.create(SpanContext.create("0af7651916cd43dd8448eb211c80319c",
                    "b7ad6b7169203331", TraceFlags.getSampled(), TraceState.getDefault()))))
            .setTotalRecordedEvents(1)
            .setTotalRecordedLinks(1)
            .build();

    private static final Evidence EVIDENCE = new Evidence("", List.of(CONSUMER));

    @Test
    void kind() {
        assertThat(result(SpanExpectation.named("process payments").kind(SpanKind.CONSUMER)).passed()).isTrue();
        assertThat(result(SpanExpectation.named("process payments").kind(SpanKind.SERVER)).message())
                .endsWith("process payments: kind was CONSUMER, expected SERVER");
    }

    @Test
    void resource() {
        assertThat(result(SpanExpectation.named("*").resource("service.name", AttributeCondition.equalTo("payments")))
                .passed()).isTrue();
        assertThat(result(SpanExpectation.named("*").resource("service.name", AttributeCondition.equalTo("orders")))
                .message()).endsWith("resource service.name was \"payments\", expected = \"orders\"");
        assertThat(result(SpanExpectation.named("*").resource("telemetry.sdk.name",
                AttributeCondition.equalTo("opentelemetry"))).message())
                .endsWith("resource telemetry.sdk.name was absent, expected = \"opentelemetry\"");
    }

    @Test
    void scope() {
        assertThat(result(SpanExpectation.named("*").scope("shop.*")).passed()).isTrue();
        assertThat(result(SpanExpectation.named("*").scope("shop.orders")).message())
                .endsWith("instrumentation scope was \"shop.payments\", expected \"shop.orders\"");
    }

    @Test
    void events() {
        assertThat(result(SpanExpectation.named("*").event("exception", Map.of("exception.type",
                AttributeCondition.equalTo("java.io.IOException")))).passed()).isTrue();
        assertThat(result(SpanExpectation.named("*").event("retry")).message())
                .endsWith("no event named \"retry\" (its events: exception)");
        assertThat(result(SpanExpectation.named("*").event("exception", Map.of("exception.type",
                AttributeCondition.equalTo("java.lang.IllegalStateException")))).message())
                .endsWith("event \"exception\": exception.type was \"java.io.IOException\", expected ="
                        + " \"java.lang.IllegalStateException\"");
    }

    @Test
    void links() {
        assertThat(result(SpanExpectation.named("*").links(Comparison.parse(">= 1").orElseThrow())).passed()).isTrue();
        assertThat(result(SpanExpectation.named("*").links(Comparison.parse(">= 4").orElseThrow())).message())
                .endsWith("links were 1, expected >= 4");
    }

    private static CheckResult result(SpanExpectation.Builder expectation) {
        return expectation.build().evaluate(EVIDENCE);
    }
}
