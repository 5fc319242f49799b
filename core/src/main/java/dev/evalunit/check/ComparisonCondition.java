package dev.evalunit.check;

/**
 * The attribute is a number (a Long or Double attribute, not numeric text, not an array) that
 * satisfies a comparison: {@code "35"} does not satisfy {@code > 20}. {@link LooseCondition} reads text.
 */
record ComparisonCondition(Comparison comparison) implements AttributeCondition {

    @Override
    public boolean test(Object value) {
        return (EqualsCondition.integral(value) || EqualsCondition.decimal(value))
                && AttributeValues.number(value).map(comparison::test).orElse(false);
    }

    @Override
    public String describe() {
        return comparison.toString();
    }
}
