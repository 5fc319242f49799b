package dev.evalunit.check;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A numeric attribute summed over the counted spans satisfies a comparison. Spans that lack the
 * attribute, or whose value is not a number, add nothing, and the message says how many there were.
 */
record SumRequirement(String key, Comparison comparison) implements SpanRequirement {

    SumRequirement {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(comparison, "comparison");
    }

    @Override
    public Outcome evaluate(Selection selection) {
        List<BigDecimal> values = selection.counted().stream()
                .map(span -> AttributeValues.number(SpanIndex.attribute(span, key)))
                .flatMap(Optional::stream)
                .toList();
        BigDecimal sum = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        int without = selection.counted().size() - values.size();
        String what = "sum of " + key + " over " + SpanIndex.spans(values.size())
                + (without == 0 ? "" : " (" + SpanIndex.spans(without) + " without a number for it)");
        if (comparison.test(sum)) {
            return Outcome.pass(what + " was " + sum.toPlainString());
        }
        return Outcome.fail(what + ": expected " + comparison + ", was " + sum.toPlainString());
    }
}
