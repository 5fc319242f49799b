package dev.evalunit.check;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.trace.data.SpanData;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
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
    private final Map<String, List<SpanData>> children = new HashMap<>();
    private final Map<String, List<SpanData>> traces = new LinkedHashMap<>();

    SpanIndex(List<SpanData> spans) {
        // Start order reads as a timeline; the exporter's order is end order, children first.
        this.spans = spans.stream().sorted(Comparator.comparingLong(SpanData::getStartEpochNanos)).toList();
        for (SpanData span : spans) {
            byId.putIfAbsent(id(span.getTraceId(), span.getSpanId()), span);
        }
        for (SpanData span : this.spans) {
            traces.computeIfAbsent(span.getTraceId(), trace -> new ArrayList<>()).add(span);
            if (span.getParentSpanContext().isValid()) {
                children.computeIfAbsent(id(span.getTraceId(), span.getParentSpanId()), parent -> new ArrayList<>())
                        .add(span);
            }
        }
    }

    /** @return the spans whose parent is {@code span}, in start order */
    List<SpanData> childrenOf(SpanData span) {
        return children.getOrDefault(id(span.getTraceId(), span.getSpanId()), List.of());
    }

    /** @return the spans under {@code span}, at any depth, in depth-first start order */
    List<SpanData> descendantsOf(SpanData span) {
        List<SpanData> found = new ArrayList<>();
        java.util.ArrayDeque<SpanData> todo = new java.util.ArrayDeque<>(childrenOf(span));
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (!todo.isEmpty()) {
            SpanData next = todo.pop();
            // A forged export can make a span its own ancestor; visit each span once.
            if (seen.add(id(next.getTraceId(), next.getSpanId()))) {
                found.add(next);
                List<SpanData> below = childrenOf(next);
                for (int i = below.size() - 1; i >= 0; i--) {
                    todo.push(below.get(i));
                }
            }
        }
        return found;
    }

    /** @return the span's captured ancestors, nearest first, stopping at a cycle or an uncaptured parent */
    List<SpanData> ancestorsOf(SpanData span) {
        List<SpanData> found = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        seen.add(id(span.getTraceId(), span.getSpanId()));
        Parent parent = parentOf(span);
        while (parent instanceof Parent.Captured captured && seen.add(id(captured.span().getTraceId(),
                captured.span().getSpanId()))) {
            found.add(captured.span());
            parent = parentOf(captured.span());
        }
        return found;
    }

    /** @return the spans of each trace id, traces in the order their first span started */
    Map<String, List<SpanData>> traces() {
        return traces;
    }

    /** @return the first 8 hex digits of a span or trace id: enough to tell spans of a message apart */
    static String shortId(String id) {
        return id.length() <= 8 ? id : id.substring(0, 8);
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
        return "+" + BigDecimal.valueOf(epochNanos - start).movePointLeft(6)
                // Microseconds are as fine as a reader compares; more digits only hide the point.
                .setScale(3, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString()
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
