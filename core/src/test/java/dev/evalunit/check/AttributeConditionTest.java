package dev.evalunit.check;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static dev.evalunit.check.AttributeCondition.compare;
import static dev.evalunit.check.AttributeCondition.contains;
import static dev.evalunit.check.AttributeCondition.equalTo;
import static dev.evalunit.check.AttributeCondition.exists;
import static dev.evalunit.check.AttributeCondition.matches;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Values as the SDK hands them out: String, Long, Double, Boolean, List, or null when absent. */
class AttributeConditionTest {

    private static Comparison comparison(String text) {
        return Comparison.parse(text).orElseThrow();
    }

    @Nested
    class EqualTo {

        @Test
        void holdsForTheSameString() {
            assertThat(equalTo("get_pod_events").test("get_pod_events")).isTrue();
            assertThat(equalTo("get_pod_events").test("get_logs")).isFalse();
        }

        @Test
        void comparesIntegersWithIntegerAttributesAndDecimalsWithDoubleOnes() {
            assertThat(equalTo(500).test(500L)).isTrue();
            assertThat(equalTo(0.5).test(0.5)).isTrue();
            assertThat(equalTo(500).test(501L)).isFalse();
            assertThat(equalTo(500.0).test(500L)).isFalse();
            assertThat(equalTo(500).test(500.0)).isFalse();
        }

        @Test
        void failsForANumericStringAgainstANumberAndTheOtherWayRound() {
            assertThat(equalTo("404").test(404L)).isFalse();
            assertThat(equalTo(404).test("404")).isFalse();
            assertThat(equalTo("404").test("404")).isTrue();
        }

        @Test
        void failsForABooleansText() {
            assertThat(equalTo(true).test(true)).isTrue();
            assertThat(equalTo("true").test(true)).isFalse();
            assertThat(equalTo(true).test(false)).isFalse();
        }

        @Test
        void failsForAnArrayEvenWhenAnElementIsEqual() {
            assertThat(equalTo("stop").test(List.of("length", "stop"))).isFalse();
            assertThat(equalTo("stop").test(List.of("stop"))).isFalse();
        }

        @Test
        void holdsForAnArrayOfExactlyTheElementsInOrder() {
            assertThat(AttributeCondition.equalToArray(List.of("stop")).test(List.of("stop"))).isTrue();
            assertThat(AttributeCondition.equalToArray(List.of("stop")).test(List.of("stop", "length"))).isFalse();
            assertThat(AttributeCondition.equalToArray(List.of(1L, 2L)).test(List.of(2L, 1L))).isFalse();
            assertThat(AttributeCondition.equalToArray(List.of("stop")).test("stop")).isFalse();
            assertThat(AttributeCondition.equalToArray(List.of("stop")).describe()).isEqualTo("= [\"stop\"]");
        }
    }

    @Nested
    class Loose {

        @Test
        void comparesANumericStringWithANumberAsNumbers() {
            assertThat(AttributeCondition.loose("500").test(500L)).isTrue();
            assertThat(AttributeCondition.loose(500).test("500.0")).isTrue();
            assertThat(AttributeCondition.loose(500.0).test(500L)).isTrue();
            assertThat(AttributeCondition.loose("five hundred").test(500L)).isFalse();
        }

        @Test
        void comparesBooleansAlsoWithTheirText() {
            assertThat(AttributeCondition.loose("true").test(true)).isTrue();
            assertThat(AttributeCondition.loose(true).test(false)).isFalse();
        }

        @Test
        void holdsForAnArrayWhenAnyElementIsEqual() {
            assertThat(AttributeCondition.loose("stop").test(List.of("length", "stop"))).isTrue();
            assertThat(AttributeCondition.loose("stop").test(List.of("length"))).isFalse();
        }

        @Test
        void readsNumericTextInAComparison() {
            assertThat(AttributeCondition.looseCompare(comparison("> 20")).test("35")).isTrue();
            assertThat(AttributeCondition.looseCompare(comparison("> 20")).test("15")).isFalse();
            assertThat(AttributeCondition.looseCompare(comparison("> 20")).describe()).isEqualTo("loosely > 20");
        }

        @Test
        void failsForAnAbsentAttribute() {
            assertThat(equalTo("stop").test(null)).isFalse();
        }

        @Test
        void rejectsAScalarOfAnotherType() {
            assertThatIllegalArgumentException().isThrownBy(() -> equalTo(List.of("stop")));
        }

        @Test
        void describesStringsQuotedAndNumbersPlain() {
            assertThat(equalTo("get_pod_events").describe()).isEqualTo("= \"get_pod_events\"");
            assertThat(equalTo(500).describe()).isEqualTo("= 500");
            assertThat(equalTo(0.5).describe()).isEqualTo("= 0.5");
            assertThat(equalTo(true).describe()).isEqualTo("= true");
        }
    }

    @Nested
    class Compare {

        @Test
        void holdsForANumberThatSatisfiesTheComparison() {
            assertThat(compare(comparison("< 500")).test(499L)).isTrue();
            assertThat(compare(comparison("< 500")).test(500L)).isFalse();
            assertThat(compare(comparison("<= 0.7")).test(0.5)).isTrue();
        }

        @Test
        void failsForANumericString() {
            assertThat(compare(comparison("> 20")).test("35")).isFalse();
            assertThat(compare(comparison("> 20")).test(35L)).isTrue();
            assertThat(compare(comparison("> 20")).test(35.5)).isTrue();
        }

        @Test
        void failsForAnAbsentOrNonNumericAttribute() {
            assertThat(compare(comparison("> 1")).test(null)).isFalse();
            assertThat(compare(comparison("> 1")).test("many")).isFalse();
            assertThat(compare(comparison("> 1")).test(List.of(2L))).isFalse();
        }

        @Test
        void describesItselfAsTheComparison() {
            assertThat(compare(comparison("<500")).describe()).isEqualTo("< 500");
        }
    }

    @Nested
    class Matches {

        @Test
        void holdsWhenTheWholeTextMatches() {
            assertThat(matches(Pattern.compile(".*checkout.*")).test("{\"pod\":\"checkout-7f9\"}")).isTrue();
        }

        @Test
        void failsWhenOnlyPartOfTheTextMatches() {
            assertThat(matches(Pattern.compile("checkout")).test("{\"pod\":\"checkout\"}")).isFalse();
        }

        @Test
        void matchesTheTextFormOfNumbersAndArrays() {
            assertThat(matches(Pattern.compile("5\\d\\d")).test(500L)).isTrue();
            assertThat(matches(Pattern.compile("0\\.5")).test(0.5)).isTrue();
            assertThat(matches(Pattern.compile("\\[\"stop\"\\]")).test(List.of("stop"))).isTrue();
        }

        @Test
        void failsForAnAbsentAttribute() {
            assertThat(matches(Pattern.compile(".*")).test(null)).isFalse();
        }

        @Test
        void describesItselfWithTheRegex() {
            assertThat(matches(Pattern.compile(".*checkout.*")).describe()).isEqualTo("matches /.*checkout.*/");
        }
    }

    @Nested
    class Contains {

        @Test
        void holdsWhenTheTextContainsIt() {
            assertThat(contains("checkout").test("{\"pod\":\"checkout\"}")).isTrue();
            assertThat(contains("payments").test("{\"pod\":\"checkout\"}")).isFalse();
        }

        @Test
        void looksIntoTheTextFormOfAnArray() {
            assertThat(contains("stop").test(List.of("length", "stop"))).isTrue();
        }

        @Test
        void failsForAnAbsentAttribute() {
            assertThat(contains("").test(null)).isFalse();
        }

        @Test
        void describesItselfWithTheTextQuoted() {
            assertThat(contains("checkout").describe()).isEqualTo("contains \"checkout\"");
        }
    }

    @Nested
    class Exists {

        @Test
        void holdsForAPresentAttributeWhenRequired() {
            assertThat(exists(true).test("x")).isTrue();
            assertThat(exists(true).test(null)).isFalse();
        }

        @Test
        void holdsForAnAbsentAttributeWhenForbidden() {
            assertThat(exists(false).test(null)).isTrue();
            assertThat(exists(false).test(0L)).isFalse();
        }

        @Test
        void describesItself() {
            assertThat(exists(true).describe()).isEqualTo("exists");
            assertThat(exists(false).describe()).isEqualTo("does not exist");
        }
    }
}
