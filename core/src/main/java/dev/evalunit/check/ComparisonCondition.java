package dev.evalunit.check;

/** The attribute is a number that satisfies a comparison. */
record ComparisonCondition(Comparison comparison) implements AttributeCondition {

    @Override
    public boolean test(Object value) {
        return AttributeValues.number(value).map(comparison::test).orElse(false);
    }

    @Override
    public String describe() {
        return comparison.toString();
    }
}
