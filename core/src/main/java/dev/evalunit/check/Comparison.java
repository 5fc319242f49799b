package dev.evalunit.check;

import org.apiguardian.api.API;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

/**
 * A numeric comparison written as an operator and a number: {@code < 500}, {@code >= 1},
 * {@code == 3}, {@code != 0}.
 *
 * <p>Values compare by {@link BigDecimal#compareTo}, so {@code 500} satisfies {@code == 500.0}.
 * Record equality, like {@link BigDecimal#equals}, still tells {@code 500} and {@code 500.0} apart.
 *
 * @param operator never {@code null}
 * @param operand never {@code null}
 * @since 0.1.0
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record Comparison(Operator operator, BigDecimal operand) {

    /** The operators, as written. */
    public enum Operator { LT, LE, GT, GE, EQ, NE }

    // Two-character operators first, so that "<=" is not read as "<" followed by "=".
    private static final Pattern WRITTEN = Pattern.compile(
            "\\s*(<=|>=|==|!=|<|>)\\s*([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+))\\s*");

    public Comparison {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(operand, "operand");
    }

    /**
     * @param text such as {@code "< 500"} or {@code ">=1"}; never {@code null}
     * @return the comparison, or empty when {@code text} is not an operator followed by a number
     */
    public static Optional<Comparison> parse(String text) {
        Objects.requireNonNull(text, "text");
        Matcher matcher = WRITTEN.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Comparison(operatorWritten(matcher.group(1)), new BigDecimal(matcher.group(2))));
    }

    /** @return {@code == n} */
    public static Comparison exactly(long n) {
        return new Comparison(Operator.EQ, BigDecimal.valueOf(n));
    }

    /**
     * @param value never {@code null}
     * @return whether {@code value} satisfies the comparison
     */
    public boolean test(BigDecimal value) {
        int order = Objects.requireNonNull(value, "value").compareTo(operand);
        return switch (operator) {
            case LT -> order < 0;
            case LE -> order <= 0;
            case GT -> order > 0;
            case GE -> order >= 0;
            case EQ -> order == 0;
            case NE -> order != 0;
        };
    }

    /** @return as written, e.g. {@code < 500} */
    @Override
    public String toString() {
        return symbol(operator) + " " + operand.toPlainString();
    }

    private static Operator operatorWritten(String symbol) {
        return switch (symbol) {
            case "<" -> Operator.LT;
            case "<=" -> Operator.LE;
            case ">" -> Operator.GT;
            case ">=" -> Operator.GE;
            case "==" -> Operator.EQ;
            case "!=" -> Operator.NE;
            default -> throw new IllegalArgumentException("not an operator: " + symbol);
        };
    }

    private static String symbol(Operator operator) {
        return switch (operator) {
            case LT -> "<";
            case LE -> "<=";
            case GT -> ">";
            case GE -> ">=";
            case EQ -> "==";
            case NE -> "!=";
        };
    }
}
