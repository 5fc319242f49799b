package dev.evalunit.check;

import io.opentelemetry.sdk.trace.data.SpanData;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A counted span is under (at any depth) a span that satisfies a condition: "under the span that ...". */
record AncestorFilter(SpanCondition ancestor) implements StructuralFilter {

    AncestorFilter {
        Objects.requireNonNull(ancestor, "ancestor");
    }

    @Override
    public Optional<String> mismatch(SpanData span, SpanIndex trial) {
        List<SpanData> ancestors = trial.ancestorsOf(span);
        if (ancestors.stream().anyMatch(candidate -> ancestor.test(candidate, trial))) {
            return Optional.empty();
        }
        String path = ancestors.isEmpty() ? "it has no captured ancestor"
                : "its ancestors are " + CountRequirement.listed(ancestors,
                        found -> Excerpt.quote(found.getName()) + " [" + SpanIndex.shortId(found.getSpanId()) + "]",
                        CountRequirement.SPANS_LISTED, " < ");
        return Optional.of("not under a span " + ancestor + ": " + path);
    }
}
