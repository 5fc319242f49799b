package dev.evalunit.check;

import io.opentelemetry.sdk.trace.data.SpanData;

import java.util.ArrayList;
import java.util.List;

/**
 * Which of a trial's spans a {@link SpanExpectation} counts, and why the others with the right
 * name were not counted.
 *
 * @param name the expectation's name glob
 * @param counted the spans with that name that pass every filter, in start order
 * @param misses the spans with that name that fail a filter, in start order
 * @param trial all the trial's spans
 */
record Selection(Glob name, List<SpanData> counted, List<Miss> misses, SpanIndex trial) {

    /** A span with the right name that was not counted, and the first filter it failed. */
    record Miss(SpanData span, String reason) {
    }

    static Selection of(Glob name, List<SpanFilter> filters, SpanIndex trial) {
        List<SpanData> counted = new ArrayList<>();
        List<Miss> misses = new ArrayList<>();
        for (SpanData span : trial.all()) {
            if (!name.matches(span.getName())) {
                continue;
            }
            filters.stream()
                    .flatMap(filter -> filter.mismatch(span, trial).stream())
                    .findFirst()
                    .ifPresentOrElse(reason -> misses.add(new Miss(span, reason)), () -> counted.add(span));
        }
        return new Selection(name, List.copyOf(counted), List.copyOf(misses), trial);
    }
}
