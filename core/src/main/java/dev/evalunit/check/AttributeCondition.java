package dev.evalunit.check;

import org.apiguardian.api.API;

import java.util.Objects;
import java.util.regex.Pattern;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

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
@API(status = EXPERIMENTAL, since = "0.1.0")
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
     * Typed, as the semantic conventions type attributes: an integer (Integer, Long) equals a Long
     * attribute, a decimal (Double, BigDecimal) a Double attribute, a String a String attribute, a
     * Boolean a Boolean attribute. So {@code "404"} does not equal {@code 404}, and no scalar equals
     * an array attribute; {@link #loose(Object)} is the explicit form that compares across types.
     *
     * @param scalar a String, a {@link Number} (Integer, Long, Double, ...) or a Boolean; never {@code null}
     * @return equality with a value of the same type
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
     * @param elements Strings, numbers or Booleans, each compared as {@link #equalTo(Object)} does; never {@code null}
     * @return the attribute is an array of exactly these elements, in this order
     */
    static AttributeCondition equalToArray(java.util.List<?> elements) {
        return new ArrayEqualsCondition(elements.stream().map(element -> (EqualsCondition) equalTo(element)).toList());
    }

    /**
     * The explicit cross-type form, for an attribute whose type instrumentations disagree on:
     * numbers compare as numbers (a number equals numeric text), anything else by text form, and
     * an array attribute passes when any of its elements does.
     *
     * @param scalar a String, a {@link Number} or a Boolean; never {@code null}
     * @return loose equality
     */
    static AttributeCondition loose(Object scalar) {
        equalTo(scalar);
        return new LooseCondition(scalar, java.util.Optional.empty());
    }

    /**
     * @param comparison never {@code null}
     * @return a numeric comparison that also reads numeric text and passes an array when any element does
     */
    static AttributeCondition looseCompare(Comparison comparison) {
        return new LooseCondition(comparison.toString(), java.util.Optional.of(comparison));
    }

    /**
     * @param comparison never {@code null}
     * @return a numeric comparison of the attribute, which must be a Long or Double attribute;
     *         numeric text, an array or any other value fails (see {@link #looseCompare})
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
