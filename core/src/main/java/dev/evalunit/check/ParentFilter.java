package dev.evalunit.check;

import io.opentelemetry.sdk.trace.data.SpanData;

import java.util.Objects;
import java.util.Optional;

/**
 * A counted span's direct parent satisfies a condition: its name, and when the task says more, its
 * kind, attributes, resource... so a span under another request's span of the same name is not
 * counted. A root span, or one whose parent the trial did not capture, does not pass.
 */
record ParentFilter(SpanCondition parent) implements StructuralFilter {

    ParentFilter {
        Objects.requireNonNull(parent, "parent");
    }

    @Override
    public Optional<String> mismatch(SpanData span, SpanIndex trial) {
        SpanIndex.Parent actual = trial.parentOf(span);
        if (actual instanceof SpanIndex.Parent.Captured captured) {
            SpanData found = captured.span();
            if (parent.isNameOnly() && !parent.name().matches(found.getName())) {
                return Optional.of("parent was " + Excerpt.quote(found.getName()) + ", expected " + parent);
            }
            return parent.mismatch(found, trial).map(reason -> "parent " + Excerpt.quote(found.getName()) + " ["
                    + SpanIndex.shortId(found.getSpanId()) + "] is not the expected " + parent + ": " + reason);
        }
        String found = actual instanceof SpanIndex.Parent.NotCaptured ? "not captured" : "none";
        return Optional.of("parent was " + found + ", expected " + parent);
    }
}
