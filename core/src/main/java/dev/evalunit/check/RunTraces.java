package dev.evalunit.check;

import io.opentelemetry.sdk.trace.data.SpanData;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The number of distinct trace ids among the spans a run exported: one trace for a request that
 * crosses three services proves the context was propagated at every hop.
 */
record RunTraces(Comparison count) implements Check {

    static final String LABEL = "run.traces";

    /** How many traces a message describes. */
    private static final int TRACES_LISTED = 5;

    @Override
    public String label() {
        return LABEL;
    }

    @Override
    public CheckResult evaluate(Evidence evidence) {
        Optional<RunOutcome> run = evidence.attachment(RunOutcome.class);
        if (run.isEmpty()) {
            return RunChecks.nothingRan(LABEL);
        }
        Map<String, List<SpanData>> traces = run.get().traces();
        String found = "found " + traces.size() + " among " + SpanIndex.spans(run.get().exportedSpans().size());
        if (count.test(BigDecimal.valueOf(traces.size()))) {
            return CheckResult.pass(LABEL, found);
        }
        String listed = traces.entrySet().stream().limit(TRACES_LISTED)
                .map(trace -> trace.getKey() + " (" + describe(trace.getValue()) + ")")
                .collect(Collectors.joining("; "));
        return CheckResult.fail(LABEL, "expected " + expected() + " distinct trace ids, " + found
                + (traces.isEmpty() ? "" : ": " + listed + (traces.size() > TRACES_LISTED ? "; …" : "")));
    }

    private String expected() {
        return count.operator() == Comparison.Operator.EQ ? count.operand().toPlainString() : count.toString();
    }

    private static String describe(List<SpanData> spans) {
        String names = spans.stream().map(SpanData::getName).distinct().limit(4).collect(Collectors.joining(", "));
        return SpanIndex.spans(spans.size()) + ": " + names + (spans.stream().map(SpanData::getName).distinct()
                .count() > 4 ? ", …" : "");
    }
}
