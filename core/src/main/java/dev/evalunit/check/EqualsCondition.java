package dev.evalunit.check;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** The attribute, or any element of an array attribute, equals a scalar. */
record EqualsCondition(Object scalar) implements AttributeCondition {

    @Override
    public boolean test(Object value) {
        if (value instanceof List<?> elements) {
            return elements.stream().anyMatch(this::equalsScalar);
        }
        return value != null && equalsScalar(value);
    }

    private boolean equalsScalar(Object value) {
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
        return "= " + AttributeValues.shown(scalar);
    }
}
