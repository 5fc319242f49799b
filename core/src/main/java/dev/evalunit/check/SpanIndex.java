package dev.evalunit.check;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.trace.data.SpanData;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A trial's spans as span expectations look at them: in start order, with their parents, their
 * attributes by name, and the words a failure message uses for them.
 */
final class SpanIndex {

    /** Shown next to a tool span's name: which call it was is usually the point of the message. */
    static final String TOOL_ARGUMENTS = "gen_ai.tool.call.arguments";

    private final List<SpanData> spans;
    private final Map<String, SpanData> byId = new HashMap<>();

    SpanIndex(List<SpanData> spans) {
        // Start order reads as a timeline; the exporter's order is end order, children first.
        this.spans = spans.stream().sorted(Comparator.comparingLong(SpanData::getStartEpochNanos)).toList();
        for (SpanData span : spans) {
            byId.putIfAbsent(id(span.getTraceId(), span.getSpanId()), span);
        }
    }

    /** @return every span, in start order */
    List<SpanData> all() {
        return spans;
    }

    /** @return what a span's parent is, as far as the trial's spans tell */
    Parent parentOf(SpanData span) {
        if (!span.getParentSpanContext().isValid()) {
            return new Parent.None();
        }
        SpanData parent = byId.get(id(span.getTraceId(), span.getParentSpanId()));
        return parent == null ? new Parent.NotCaptured() : new Parent.Captured(parent);
    }

    /** A span's direct parent: none (a root span), one the trial did not capture, or a captured span. */
    sealed interface Parent {
        record None() implements Parent {
        }

        record NotCaptured() implements Parent {
        }

        record Captured(SpanData span) implements Parent {
        }
    }

    /**
     * @return the value of the attribute named {@code key} (String, Long, Double, Boolean or a List of
     *         those), or {@code null} when the span lacks it
     */
    static Object attribute(SpanData span, String key) {
        // Expectations name attributes without a type, so look the name up across all typed keys.
        for (Map.Entry<AttributeKey<?>, Object> entry : span.getAttributes().asMap().entrySet()) {
            if (entry.getKey().getKey().equals(key)) {
                return entry.getValue();
            }
        }
        return null;
    }

    /** @return the span as failure messages list it: its name, and its tool call arguments if any */
    static String describe(SpanData span) {
        Object arguments = attribute(span, TOOL_ARGUMENTS);
        if (arguments == null) {
            return span.getName();
        }
        return span.getName() + " " + Excerpt.shortened(AttributeValues.text(arguments), 100);
    }

    /** @return when {@code epochNanos} was, relative to the first span's start, e.g. {@code +120 ms} */
    String sinceStart(long epochNanos) {
        long start = spans.isEmpty() ? epochNanos : spans.get(0).getStartEpochNanos();
        return "+" + BigDecimal.valueOf(epochNanos - start).movePointLeft(6).stripTrailingZeros().toPlainString()
                + " ms";
    }

    /** @return {@code 1 span}, {@code 2 spans} */
    static String spans(int count) {
        return count + (count == 1 ? " span" : " spans");
    }

    private static String id(String traceId, String spanId) {
        return traceId + '/' + spanId;
    }
}
