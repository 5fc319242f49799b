package dev.evalunit.check;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The attribute equals a scalar of the same type, the way the semantic conventions type attributes:
 * an integer equals a Long (or Integer) attribute, a decimal a Double one, text a String one, a
 * boolean a Boolean one. {@code "404"} does not equal {@code 404}, and an array attribute equals no
 * scalar. {@link LooseCondition} is the explicit form that compares across types.
 */
record EqualsCondition(Object scalar) implements AttributeCondition {

    @Override
    public boolean test(Object value) {
        if (value == null || value instanceof List<?>) {
            return false;
        }
        if (integral(scalar)) {
            return integral(value) && ((Number) scalar).longValue() == ((Number) value).longValue();
        }
        if (scalar instanceof Number) {
            Optional<BigDecimal> expected = AttributeValues.number(scalar);
            Optional<BigDecimal> actual = decimal(value) ? AttributeValues.number(value) : Optional.empty();
            return expected.isPresent() && actual.isPresent() && expected.get().compareTo(actual.get()) == 0;
        }
        return scalar.equals(value);
    }

    static boolean integral(Object value) {
        return value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte;
    }

    static boolean decimal(Object value) {
        return value instanceof Double || value instanceof Float || value instanceof BigDecimal;
    }

    @Override
    public String describe() {
        return "= " + AttributeValues.shown(scalar);
    }
}
