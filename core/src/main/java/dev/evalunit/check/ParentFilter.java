package dev.evalunit.check;

import io.opentelemetry.sdk.trace.data.SpanData;

import java.util.Objects;
import java.util.Optional;

/**
 * A counted span's direct parent has a name matching a glob. A root span, or one whose parent the
 * trial did not capture, does not pass: there is no name to match.
 */
record ParentFilter(Glob parent) implements SpanFilter {

    ParentFilter {
        Objects.requireNonNull(parent, "parent");
    }

    @Override
    public Optional<String> mismatch(SpanData span, SpanIndex trial) {
        SpanIndex.Parent actual = trial.parentOf(span);
        String found;
        if (actual instanceof SpanIndex.Parent.Captured captured) {
            String name = captured.span().getName();
            if (parent.matches(name)) {
                return Optional.empty();
            }
            found = Excerpt.quote(name);
        } else if (actual instanceof SpanIndex.Parent.NotCaptured) {
            found = "not captured";
        } else {
            found = "none";
        }
        return Optional.of("parent was " + found + ", expected " + parent);
    }
}
