package dev.evalunit.check;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What one span attribute must be: equal to a scalar, a numeric comparison, a regex match, a
 * substring, or present/absent.
 *
 * <p>Every condition but {@link #exists(boolean) exists} fails on an absent attribute. The text
 * form of a value, which {@link #matches(Pattern) matches} and {@link #contains(String) contains}
 * test, is a String as it is, a number in plain decimal notation without trailing zeros
 * ({@code 500}, {@code 0.5}), a boolean as {@code true} or {@code false}, and an array as a
 * JSON-like list ({@code ["stop","length"]}).
 *
 * @since 0.1.0
 */
public interface AttributeCondition {

    /**
     * @param value the attribute's value on a span (String, Long, Double, Boolean or a List of those),
     *        {@code null} when the span lacks the attribute
     * @return whether the condition holds
     */
    boolean test(Object value);

    /** @return the condition as a failure message shows it, e.g. {@code = "get_pod_events"} or {@code < 500} */
    String describe();

    /**
     * Numbers compare as numbers, so {@code 500} equals a Long {@code 500} and a Double
     * {@code 500.0}; so does a String that is a number against a numeric attribute or a number
     * against a numeric String attribute, since task files and instrumentations disagree on which
     * to write. Anything else compares by text form, so {@code "true"} equals a Boolean
     * {@code true}. An array attribute is equal when any of its elements is.
     *
     * @param scalar a String, a {@link Number} (Integer, Long, Double, ...) or a Boolean; never {@code null}
     * @return equality with a String, Long, Double or Boolean; numbers compare as numbers
     * @throws IllegalArgumentException if {@code scalar} is of another type
     */
    static AttributeCondition equalTo(Object scalar) {
        Objects.requireNonNull(scalar, "scalar");
        if (!(scalar instanceof String || scalar instanceof Number || scalar instanceof Boolean)) {
            throw new IllegalArgumentException(
                    "expected a String, number or Boolean, was " + scalar.getClass().getName() + ": " + scalar);
        }
        return new EqualsCondition(scalar);
    }

    /**
     * @param comparison never {@code null}
     * @return a numeric comparison of the attribute, which must be a number or a String that is
     *         one; any other value, an array included, fails
     */
    static AttributeCondition compare(Comparison comparison) {
        return new ComparisonCondition(Objects.requireNonNull(comparison, "comparison"));
    }

    /**
     * @param regex never {@code null}
     * @return the attribute, as text, matches {@code regex} in full
     */
    static AttributeCondition matches(Pattern regex) {
        return new MatchesCondition(Objects.requireNonNull(regex, "regex"));
    }

    /**
     * @param text never {@code null}
     * @return the attribute, as text, contains {@code text}
     */
    static AttributeCondition contains(String text) {
        return new ContainsCondition(Objects.requireNonNull(text, "text"));
    }

    /** @return the attribute is present ({@code true}) or absent ({@code false}) */
    static AttributeCondition exists(boolean present) {
        return new ExistsCondition(present);
    }
}
