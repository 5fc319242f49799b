package dev.evalunit.check;

import io.opentelemetry.sdk.trace.data.SpanData;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Every counted span starts at or after the end of some span matching a glob, e.g. a tool is only
 * called after its prerequisite returned. Holds vacuously when nothing was counted: the count
 * requirement reports that.
 */
record AfterRequirement(Glob earlier) implements SpanRequirement {

    AfterRequirement {
        Objects.requireNonNull(earlier, "earlier");
    }

    @Override
    public Outcome evaluate(Selection selection) {
        String held = "every span started after a " + earlier + " span ended";
        if (selection.counted().isEmpty()) {
            return Outcome.pass(held);
        }
        // Starting after *some* earlier span ended is starting after the first one to end.
        OptionalLong firstEnd = selection.trial().all().stream()
                .filter(span -> earlier.matches(span.getName()))
                .mapToLong(SpanData::getEndEpochNanos)
                .min();
        if (firstEnd.isEmpty()) {
            return Outcome.fail("expected to start after a " + earlier + " span, but no span is named " + earlier);
        }
        List<SpanData> tooEarly = selection.counted().stream()
                .filter(span -> span.getStartEpochNanos() < firstEnd.getAsLong())
                .toList();
        if (tooEarly.isEmpty()) {
            return Outcome.pass(held);
        }
        SpanIndex trial = selection.trial();
        return Outcome.fail(CountRequirement.listed(tooEarly,
                span -> SpanIndex.describe(span) + " started before any " + earlier + " span ended (started at "
                        + trial.sinceStart(span.getStartEpochNanos()) + ", the first ended at "
                        + trial.sinceStart(firstEnd.getAsLong()) + ")",
                CountRequirement.SPANS_LISTED, "; "));
    }
}
