package dev.evalunit.check;

import dev.evalunit.check.Comparison.Operator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class ComparisonTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "< 500  | LT | 500",
            ">=1    | GE | 1",
            "== 3   | EQ | 3",
            "!= 0   | NE | 0",
            "<= 2.5 | LE | 2.5",
            "  >  -7 | GT | -7",
    })
    void parsesAnOperatorFollowedByANumber(String text, Operator operator, BigDecimal operand) {
        assertThat(Comparison.parse(text)).contains(new Comparison(operator, operand));
    }

    @ParameterizedTest
    @ValueSource(strings = {"500", "<", "< abc", "=< 3", "= 3", "<< 3", "< 3 4", ""})
    void parsesNothingElse(String text) {
        assertThat(Comparison.parse(text)).isEmpty();
    }

    @Test
    void exactlyIsEquality() {
        assertThat(Comparison.exactly(3)).isEqualTo(new Comparison(Operator.EQ, BigDecimal.valueOf(3)));
    }

    @ParameterizedTest
    @CsvSource({
            "< 500,  499, true", "< 500,  500, false",
            "<= 500, 500, true", "<= 500, 501, false",
            "> 0,    1,   true", "> 0,    0,   false",
            ">= 1,   1,   true", ">= 1,   0,   false",
            "== 3,   3,   true", "== 3,   4,   false",
            "!= 0,   1,   true", "!= 0,   0,   false",
    })
    void testsEachOperator(String comparison, BigDecimal value, boolean holds) {
        assertThat(Comparison.parse(comparison).orElseThrow().test(value)).isEqualTo(holds);
    }

    @Test
    void comparesNumbersRegardlessOfScale() {
        assertThat(Comparison.exactly(500).test(new BigDecimal("500.0"))).isTrue();
    }

    @Test
    void rendersAsWritten() {
        assertThat(Comparison.parse("<500")).hasValueSatisfying(c -> assertThat(c).hasToString("< 500"));
        assertThat(Comparison.parse(">=  1")).hasValueSatisfying(c -> assertThat(c).hasToString(">= 1"));
        assertThat(Comparison.exactly(3)).hasToString("== 3");
        assertThat(new Comparison(Operator.NE, new BigDecimal("1E+3"))).hasToString("!= 1000");
    }
}
