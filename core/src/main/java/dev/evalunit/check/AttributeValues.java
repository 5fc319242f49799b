package dev.evalunit.check;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How attribute values (String, Long, Double, Boolean or a List of those) read as numbers and as
 * text, the same way for every condition and every failure message.
 */
final class AttributeValues {

    private AttributeValues() {
    }

    /**
     * @return the value as a number: any {@link Number} but a non-finite floating point one, or a
     *         String that is a decimal number; empty otherwise
     */
    static Optional<BigDecimal> number(Object value) {
        if (value instanceof BigDecimal decimal) {
            return Optional.of(decimal);
        }
        if (value instanceof BigInteger integer) {
            return Optional.of(new BigDecimal(integer));
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            // valueOf goes through Double.toString, so 0.1 stays 0.1 instead of its binary expansion.
            return Double.isFinite(d) ? Optional.of(BigDecimal.valueOf(d)) : Optional.empty();
        }
        if (value instanceof Number number) {
            return Optional.of(BigDecimal.valueOf(number.longValue()));
        }
        if (value instanceof String text) {
            try {
                return Optional.of(new BigDecimal(text.strip()));
            } catch (NumberFormatException notANumber) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * @return the value as text conditions see it: a String as it is, a number in plain decimal
     *         notation without trailing zeros ({@code 500}, {@code 0.5}), a List as a JSON-like array
     *         ({@code ["stop","length"]})
     */
    static String text(Object value) {
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof List<?> list) {
            return list.stream()
                    .map(element -> element instanceof String text ? Excerpt.quote(text) : text(element))
                    .collect(Collectors.joining(",", "[", "]"));
        }
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            return number(value).map(d -> d.stripTrailingZeros().toPlainString()).orElse(String.valueOf(value));
        }
        return String.valueOf(value);
    }

    /**
     * @return the value as failure messages show it: like {@link #text}, but a String is quoted and
     *         a whole double keeps its {@code .0}, so that the message shows the type a typed
     *         comparison saw ({@code 37.0} is a double, {@code 37} an int)
     */
    static String shown(Object value) {
        if (value instanceof String text) {
            return Excerpt.of(text, 100);
        }
        String text = text(value);
        boolean whole = text.chars().allMatch(c -> Character.isDigit(c) || c == '-');
        return (value instanceof Double || value instanceof Float) && whole ? text + ".0" : text;
    }
}
