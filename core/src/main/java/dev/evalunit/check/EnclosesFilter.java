package dev.evalunit.check;

import io.opentelemetry.sdk.trace.data.SpanData;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A counted span lasts from before to after the spans under it: its direct children, or every
 * descendant whose name matches a glob (of which there must be one). A parent ended before its
 * child ran has the right tree and the wrong time.
 */
record EnclosesFilter(Optional<Glob> descendants) implements StructuralFilter {

    EnclosesFilter {
        Objects.requireNonNull(descendants, "descendants");
    }

    @Override
    public Optional<String> mismatch(SpanData span, SpanIndex trial) {
        List<SpanData> inner = descendants
                .map(glob -> trial.descendantsOf(span).stream().filter(d -> glob.matches(d.getName())).toList())
                .orElseGet(() -> trial.childrenOf(span));
        if (inner.isEmpty() && descendants.isPresent()) {
            return Optional.of("has no descendant named " + descendants.get() + " to enclose");
        }
        for (SpanData child : inner) {
            if (child.getStartEpochNanos() < span.getStartEpochNanos() || child.getEndEpochNanos() > span.getEndEpochNanos()) {
                return Optional.of("does not enclose " + Excerpt.quote(child.getName()) + " ["
                        + SpanIndex.shortId(child.getSpanId()) + "]: it ran " + trial.sinceStart(span.getStartEpochNanos())
                        + " .. " + trial.sinceStart(span.getEndEpochNanos()) + ", the " + (descendants.isPresent()
                        ? "descendant" : "child") + " " + trial.sinceStart(child.getStartEpochNanos()) + " .. "
                        + trial.sinceStart(child.getEndEpochNanos()));
            }
        }
        return Optional.empty();
    }
}
