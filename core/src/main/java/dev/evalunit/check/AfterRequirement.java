package dev.evalunit.check;

import io.opentelemetry.sdk.trace.data.SpanData;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Every counted span starts at or after the end of some span matching a glob, e.g. a tool is only
 * called after its prerequisite returned. The earlier span is looked for anywhere, in the counted
 * span's own trace, or among its siblings (same parent), as the {@link SpanExpectation.Within} says: another
 * order's validation having ended says nothing about this order's. Holds vacuously when nothing
 * was counted: the count requirement reports that.
 */
record AfterRequirement(Glob earlier, SpanExpectation.Within within) implements SpanRequirement {

    AfterRequirement {
        Objects.requireNonNull(earlier, "earlier");
        Objects.requireNonNull(within, "within");
    }

    AfterRequirement(Glob earlier) {
        this(earlier, SpanExpectation.Within.ANY);
    }

    @Override
    public Outcome evaluate(Selection selection) {
        String held = "every span started after a " + earlier + " span" + within.words() + " ended";
        SpanIndex trial = selection.trial();
        List<String> problems = new ArrayList<>();
        for (SpanData span : selection.counted()) {
            // Starting after *some* earlier span ended is starting after the first one to end.
            OptionalLong firstEnd = trial.all().stream()
                    .filter(candidate -> candidate != span && earlier.matches(candidate.getName()) && inScope(span, candidate))
                    .mapToLong(SpanData::getEndEpochNanos)
                    .min();
            if (firstEnd.isEmpty()) {
                problems.add(SpanIndex.describe(span) + id(span) + " has no "
                        + earlier + " span" + within.words() + " to start after");
            } else if (span.getStartEpochNanos() < firstEnd.getAsLong()) {
                problems.add(SpanIndex.describe(span) + id(span) + " started before any " + earlier + " span" + within.words() + " ended (started at "
                        + trial.sinceStart(span.getStartEpochNanos()) + ", the first ended at "
                        + trial.sinceStart(firstEnd.getAsLong()) + ")");
            }
        }
        if (problems.isEmpty()) {
            return Outcome.pass(held);
        }
        if (within == SpanExpectation.Within.ANY && trial.all().stream().noneMatch(s -> earlier.matches(s.getName()))) {
            return Outcome.fail("expected to start after a " + earlier + " span, but no span is named " + earlier);
        }
        return Outcome.fail(CountRequirement.listed(problems, problem -> problem, CountRequirement.SPANS_LISTED, "; "));
    }

    /** Which span it was matters once the earlier span is looked for near it; globally the name says enough. */
    private String id(SpanData span) {
        return within == SpanExpectation.Within.ANY ? "" : " [" + SpanIndex.shortId(span.getSpanId()) + "]";
    }

    private boolean inScope(SpanData span, SpanData candidate) {
        return switch (within) {
            case ANY -> true;
            case TRACE -> candidate.getTraceId().equals(span.getTraceId());
            case PARENT -> candidate.getTraceId().equals(span.getTraceId()) && span.getParentSpanContext().isValid()
                    && candidate.getParentSpanId().equals(span.getParentSpanId());
        };
    }
}
