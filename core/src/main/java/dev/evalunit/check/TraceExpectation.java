package dev.evalunit.check;

import org.apiguardian.api.API;

import io.opentelemetry.sdk.trace.data.SpanData;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * A check on the shape of whole traces: a {@link TracePattern} quantified over the trial's traces.
 *
 * <ul>
 *   <li>{@code each}: every trace holding a span that satisfies the pattern's top condition has the
 *       pattern's shape under such a span, and there is at least one such trace (or as many as
 *       the trace count says).</li>
 *   <li>{@code some}: at least one trace has the shape (or as many as the trace count says).</li>
 *   <li>{@code none}: no trace has the shape.</li>
 * </ul>
 *
 * <p>A failure names the first trace that is wrong, why, and draws it as a tree (names, span ids,
 * parents, kinds, times).
 *
 * @since 0.1.0
 */
@API(status = INTERNAL, since = "0.1.0")
public final class TraceExpectation implements Check {

    /** How many traces must have the shape. */
    public enum Quantifier {
        /** Every trace that has the top span. */
        EACH,
        /** At least one trace. */
        SOME,
        /** No trace. */
        NONE
    }

    private final String label;
    private final Quantifier quantifier;
    private final TracePattern pattern;
    private final Optional<Comparison> traces;

    /**
     * @param index the position in the task's {@code spans} list, shown in the label as {@code spans[i]}
     * @param quantifier never {@code null}
     * @param pattern never {@code null}
     * @param traces for {@code each}, how many traces have the top span; for {@code some}, how many
     *        have the shape; empty for at least one. Must be empty for {@code none}.
     */
    public TraceExpectation(int index, Quantifier quantifier, TracePattern pattern, Optional<Comparison> traces) {
        this.quantifier = Objects.requireNonNull(quantifier, "quantifier");
        this.pattern = Objects.requireNonNull(pattern, "pattern");
        this.traces = Objects.requireNonNull(traces, "traces");
        if (quantifier == Quantifier.NONE && traces.isPresent()) {
            throw new IllegalArgumentException("none takes no trace count: it is a count of 0");
        }
        this.label = "spans[" + index + "] " + quantifier.name().toLowerCase(java.util.Locale.ROOT) + " " + pattern;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public CheckResult evaluate(Evidence evidence) {
        Objects.requireNonNull(evidence, "evidence");
        SpanIndex trial = new SpanIndex(evidence.spans());
        List<String> considered = new ArrayList<>();
        List<String> matching = new ArrayList<>();
        String firstWrongTrace = null;
        String firstWrongReason = null;
        for (Map.Entry<String, List<SpanData>> trace : trial.traces().entrySet()) {
            List<SpanData> anchors = trace.getValue().stream().filter(span -> pattern.anchors(span, trial)).toList();
            if (anchors.isEmpty()) {
                continue;
            }
            considered.add(trace.getKey());
            Optional<String> reason = Optional.empty();
            boolean matches = false;
            for (SpanData anchor : anchors) {
                Optional<String> why = pattern.mismatch(anchor, trial);
                if (why.isEmpty()) {
                    matches = true;
                    break;
                }
                reason = reason.or(() -> why);
            }
            if (matches) {
                matching.add(trace.getKey());
            } else if (firstWrongTrace == null) {
                firstWrongTrace = trace.getKey();
                firstWrongReason = reason.orElseThrow();
            }
        }
        String top = "a span " + pattern.condition();
        return switch (quantifier) {
            case EACH -> {
                if (considered.isEmpty()) {
                    yield CheckResult.fail(label, "no trace has " + top + namesSeen(trial));
                }
                if (firstWrongTrace != null) {
                    yield CheckResult.fail(label, (considered.size() - matching.size()) + " of "
                            + considered.size() + " traces with " + top + " do not have the shape: in trace "
                            + SpanIndex.shortId(firstWrongTrace) + ", " + firstWrongReason
                            + TraceTree.draw(firstWrongTrace, trial));
                }
                if (traces.isPresent() && !traces.get().test(BigDecimal.valueOf(considered.size()))) {
                    yield CheckResult.fail(label, "expected " + TracePattern.shown(traces.get()) + " traces with "
                            + top + ", found " + considered.size() + trees(considered, trial));
                }
                yield CheckResult.pass(label, "all " + considered.size() + " traces with " + top + " have the shape");
            }
            case SOME -> {
                Comparison wanted = traces.orElse(new Comparison(Comparison.Operator.GE, BigDecimal.ONE));
                if (wanted.test(BigDecimal.valueOf(matching.size()))) {
                    yield CheckResult.pass(label, matching.size() + " traces have the shape");
                }
                String why = firstWrongTrace == null ? (considered.isEmpty() ? "; no trace has " + top + namesSeen(trial) : "")
                        : "; in trace " + SpanIndex.shortId(firstWrongTrace) + ", " + firstWrongReason
                        + TraceTree.draw(firstWrongTrace, trial);
                yield CheckResult.fail(label, "expected " + TracePattern.shown(wanted) + " traces with the shape, found "
                        + matching.size() + why);
            }
            case NONE -> matching.isEmpty()
                    ? CheckResult.pass(label, "no trace has the shape")
                    : CheckResult.fail(label, "expected no trace with the shape, found " + matching.size()
                            + trees(matching, trial));
        };
    }

    private static String trees(List<String> traceIds, SpanIndex trial) {
        StringBuilder out = new StringBuilder();
        traceIds.stream().limit(2).forEach(trace -> out.append(TraceTree.draw(trace, trial)));
        return out.toString();
    }

    private static String namesSeen(SpanIndex trial) {
        List<String> names = trial.all().stream().map(SpanData::getName).distinct().toList();
        return names.isEmpty() ? " (no spans were captured)"
                : " (spans seen: " + CountRequirement.listed(names, name -> name, CountRequirement.NAMES_LISTED, ", ") + ")";
    }

    @Override
    public String toString() {
        return label;
    }
}
