package dev.evalunit.check;

import io.opentelemetry.sdk.trace.data.SpanData;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A trace as failure messages draw it: one line a span, indented under its parent, with its span
 * id, its parent's id and its times, so whoever reads the message sees the shape that was wrong:
 *
 * <pre>
 * trace 4bf92f35 (3 spans)
 *   order [00f067aa] +0 ms .. +12 ms
 *     validate [1b2c3d4e &lt; 00f067aa] +1 ms .. +2 ms
 *   charge [5e6f7a8b &lt; 99999999, parent not captured] +13 ms .. +14 ms
 * </pre>
 */
final class TraceTree {

    /** Lines a drawing holds at most: a message is read, not scrolled. */
    static final int MAX_LINES = 40;

    private TraceTree() {
    }

    /** @return the trace drawn on lines that start with a line break, for appending to a message */
    static String draw(String traceId, SpanIndex trial) {
        List<SpanData> spans = trial.traces().getOrDefault(traceId, List.of());
        StringBuilder out = new StringBuilder("\ntrace ").append(SpanIndex.shortId(traceId)).append(" (")
                .append(SpanIndex.spans(spans.size())).append(")");
        Set<SpanData> drawn = new HashSet<>();
        int[] lines = {0};
        for (SpanData span : spans) {
            if (!(trial.parentOf(span) instanceof SpanIndex.Parent.Captured)) {
                draw(span, 1, trial, out, drawn, lines);
            }
        }
        // Spans in a parent cycle have no root to hang from; still show them.
        for (SpanData span : spans) {
            if (!drawn.contains(span)) {
                draw(span, 1, trial, out, drawn, lines);
            }
        }
        if (lines[0] > MAX_LINES) {
            out.append("\n  ... and ").append(lines[0] - MAX_LINES).append(" more");
        }
        return out.toString();
    }

    /** @return every trace among {@code spans}, each drawn as by {@link #draw(String, SpanIndex)} */
    static String drawTracesOf(List<SpanData> spans, SpanIndex trial) {
        StringBuilder out = new StringBuilder();
        spans.stream().map(SpanData::getTraceId).distinct().limit(3).forEach(trace -> out.append(draw(trace, trial)));
        return out.toString();
    }

    private static void draw(SpanData span, int depth, SpanIndex trial, StringBuilder out, Set<SpanData> drawn,
                             int[] lines) {
        if (!drawn.add(span)) {
            return;
        }
        if (++lines[0] <= MAX_LINES) {
            out.append('\n').append("  ".repeat(Math.min(depth, 20))).append(SpanIndex.describe(span)).append(" [")
                    .append(SpanIndex.shortId(span.getSpanId()));
            SpanIndex.Parent parent = trial.parentOf(span);
            if (parent instanceof SpanIndex.Parent.NotCaptured) {
                out.append(" < ").append(SpanIndex.shortId(span.getParentSpanId())).append(", parent not captured");
            } else if (parent instanceof SpanIndex.Parent.Captured) {
                out.append(" < ").append(SpanIndex.shortId(span.getParentSpanId()));
            }
            out.append("] ").append(span.getKind()).append(' ').append(trial.sinceStart(span.getStartEpochNanos()))
                    .append(" .. ").append(trial.sinceStart(span.getEndEpochNanos()));
        }
        for (SpanData child : trial.childrenOf(span)) {
            draw(child, depth + 1, trial, out, drawn, lines);
        }
    }
}
