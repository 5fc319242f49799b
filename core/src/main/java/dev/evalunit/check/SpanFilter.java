package dev.evalunit.check;

import io.opentelemetry.sdk.trace.data.SpanData;

import java.util.Optional;

/** Besides its name, one thing a span must be for a {@link SpanExpectation} to count it. */
interface SpanFilter {

    /**
     * @return empty when the span passes, else why not, e.g.
     *         {@code gen_ai.tool.name was "get_logs", expected = "get_pod_events"}
     */
    Optional<String> mismatch(SpanData span, SpanIndex trial);

    /** @return whether it is about where the span sits (tree, time, links), so a failure should draw the trace */
    default boolean structural() {
        return this instanceof StructuralFilter;
    }
}
