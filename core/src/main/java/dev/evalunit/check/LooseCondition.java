package dev.evalunit.check;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The explicit cross-type form ({@code {loose: 404}}): numbers compare as numbers whether the
 * attribute is a number or numeric text, anything else compares by text form, and an array
 * attribute passes when any element does. For attributes whose type instrumentations disagree on.
 */
record LooseCondition(Object scalar, Optional<Comparison> comparison) implements AttributeCondition {

    @Override
    public boolean test(Object value) {
        if (value instanceof List<?> elements) {
            return elements.stream().anyMatch(this::testScalar);
        }
        return value != null && testScalar(value);
    }

    private boolean testScalar(Object value) {
        if (comparison.isPresent()) {
            return AttributeValues.number(value).map(comparison.get()::test).orElse(false);
        }
        if (scalar instanceof Number || value instanceof Number) {
            Optional<BigDecimal> expected = AttributeValues.number(scalar);
            Optional<BigDecimal> actual = AttributeValues.number(value);
            if (expected.isPresent() && actual.isPresent()) {
                return expected.get().compareTo(actual.get()) == 0;
            }
        }
        return AttributeValues.text(value).equals(AttributeValues.text(scalar));
    }

    @Override
    public String describe() {
        return "loosely " + comparison.map(Comparison::toString).orElseGet(() -> "= " + AttributeValues.shown(scalar));
    }
}
