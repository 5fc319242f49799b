package dev.evalunit.run;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.testing.trace.TestSpanData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;

/** A secret the program put in an attribute's key or a link's attributes is taken out before checks read them. */
class RedactedSpansTest {

    private static final String KEY = "sk-test-SECRET-0123456789";
    private static final UnaryOperator<String> REDACT = text -> text.replace(KEY, "***");

    @Test
    void aSecretInAnAttributeKeyIsRedactedAndTheValueKeepsItsType() {
        SpanData span = span(Attributes.of(AttributeKey.longKey("order." + KEY), 42L), List.of());

        SpanData redacted = RedactedSpans.of(List.of(span), REDACT).get(0);

        assertThat(redacted.getAttributes().asMap().keySet()).extracting(AttributeKey::getKey)
                .containsExactly("order.***");
        assertThat(redacted.getAttributes().get(AttributeKey.longKey("order.***"))).isEqualTo(42L);
        assertThat(redacted.toString()).doesNotContain("SECRET");
    }

    @Test
    void aSecretInALinksAttributesIsRedactedAndTheLinkStillPointsWhereItDid() {
        SpanContext target = SpanContext.create("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331",
                TraceFlags.getSampled(), TraceState.getDefault());
        LinkData link = LinkData.create(target, Attributes.of(AttributeKey.stringKey("message.token"), "t=" + KEY));
        SpanData span = span(Attributes.empty(), List.of(link));

        SpanData redacted = RedactedSpans.of(List.of(span), REDACT).get(0);

        assertThat(redacted.getLinks()).singleElement().satisfies(kept -> {
            assertThat(kept.getSpanContext()).isEqualTo(target);
            assertThat(kept.getAttributes().get(AttributeKey.stringKey("message.token"))).isEqualTo("t=***");
        });
        assertThat(redacted.toString()).doesNotContain("SECRET");
    }

    @Test
    void aSpanWithoutASecretIsKeptAsItIs() {
        SpanData span = span(Attributes.of(AttributeKey.stringKey("order.id"), "42"), List.of(LinkData.create(
                SpanContext.create("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", TraceFlags.getSampled(),
                        TraceState.getDefault()), Attributes.of(AttributeKey.longKey("n"), 1L))));

        assertThat(RedactedSpans.of(List.of(span), REDACT).get(0)).isSameAs(span);
    }

    private static SpanData span(Attributes attributes, List<LinkData> links) {
        return TestSpanData.builder().setName("process").setKind(SpanKind.CONSUMER)
                .setSpanContext(SpanContext.create("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7",
                        TraceFlags.getSampled(), TraceState.getDefault()))
                .setStartEpochNanos(1).setEndEpochNanos(2).setHasEnded(true).setStatus(StatusData.unset())
                .setAttributes(attributes).setTotalAttributeCount(attributes.size())
                .setLinks(links).setTotalRecordedLinks(links.size()).build();
    }
}
