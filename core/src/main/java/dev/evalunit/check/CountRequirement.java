package dev.evalunit.check;

import io.opentelemetry.sdk.trace.data.SpanData;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The number of counted spans satisfies a comparison. When there are too few, the message also
 * says why spans with the right name were not counted, or which names the trial's spans had, since
 * that is the next question whoever reads it asks.
 */
record CountRequirement(Comparison count) implements SpanRequirement {

    /** How many spans a message lists before saying how many more there are. */
    static final int SPANS_LISTED = 5;

    /** How many distinct span names a message lists when none has the expected name. */
    static final int NAMES_LISTED = 10;

    CountRequirement {
        Objects.requireNonNull(count, "count");
    }

    @Override
    public Outcome evaluate(Selection selection) {
        List<SpanData> counted = selection.counted();
        String found = "found " + counted.size()
                + (counted.isEmpty() ? "" : " (" + listed(counted, SpanIndex::describe, SPANS_LISTED, ", ") + ")");
        BigDecimal size = BigDecimal.valueOf(counted.size());
        if (count.test(size)) {
            return Outcome.pass(found);
        }
        String message = "expected count " + expected() + ", " + found;
        if (tooFew(size)) {
            message += whyNotMore(selection);
        }
        return Outcome.fail(message);
    }

    /** An exact count reads as a plain number: {@code expected count 0}. */
    private String expected() {
        return count.operator() == Comparison.Operator.EQ ? count.operand().toPlainString() : count.toString();
    }

    private boolean tooFew(BigDecimal size) {
        return switch (count.operator()) {
            case GT, GE -> true;
            case LT, LE -> false;
            case EQ -> size.compareTo(count.operand()) < 0;
            // != n fails only at n, where one more would do as well as one fewer.
            case NE -> true;
        };
    }

    private static String whyNotMore(Selection selection) {
        if (!selection.misses().isEmpty()) {
            List<Selection.Miss> misses = selection.misses();
            return "; " + SpanIndex.spans(misses.size()) + " named " + selection.name() + " did not match: "
                    + listed(misses, miss -> miss.span().getName() + ": " + miss.reason(), SPANS_LISTED, "; ");
        }
        if (!selection.counted().isEmpty()) {
            return "";
        }
        List<String> names = selection.trial().all().stream().map(SpanData::getName).distinct().toList();
        return "; no span is named " + selection.name() + (names.isEmpty()
                ? " (no spans were captured)"
                : " (spans seen: " + listed(names, Function.identity(), NAMES_LISTED, ", ") + ")");
    }

    /** @return the first {@code limit} items, then how many more there are */
    static <T> String listed(List<T> items, Function<T, String> shown, int limit, String separator) {
        String listed = items.stream().limit(limit).map(shown).collect(Collectors.joining(separator));
        return items.size() <= limit ? listed : listed + separator + "and " + (items.size() - limit) + " more";
    }
}
