package dev.evalunit.check;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OutputChecksTest {

    /** Longer than the 200 characters a message shows in full. */
    private static final String LONG_ANSWER = "The capital of France is Lyon. " + "x".repeat(169) + " Lyon it is, truly.";

    private static CheckResult evaluate(Check check, String output) {
        return check.evaluate(new Evidence(output, List.of()));
    }

    @Nested
    class Contains {

        @Test
        void passesWhenTheAnswerContainsTheText() {
            CheckResult result = evaluate(OutputChecks.contains("OOM"), "The pod was OOMKilled.");

            assertThat(result).isEqualTo(CheckResult.pass("output", "contains \"OOM\""));
        }

        @Test
        void failsShowingTheAnswer() {
            CheckResult result = evaluate(OutputChecks.contains("Paris"), "Lyon.");

            assertThat(result).hasToString("output: expected to contain \"Paris\", was \"Lyon.\"");
            assertThat(result.passed()).isFalse();
        }

        @Test
        void failsShowingTheHeadAndTailOfALongAnswer() {
            CheckResult result = evaluate(OutputChecks.contains("Paris"), LONG_ANSWER);

            assertThat(result.message()).isEqualTo("expected to contain \"Paris\", was \"The capital of France is Lyon. "
                    + "x".repeat(69) + "…" + "x".repeat(80) + " Lyon it is, truly.\" (" + LONG_ANSWER.length() + " chars)");
        }

        @Test
        void failsSayingTheAnswerWasEmpty() {
            CheckResult result = evaluate(OutputChecks.contains("Paris"), "");

            assertThat(result.message()).isEqualTo("expected to contain \"Paris\", was \"\" (empty answer)");
        }

        @Test
        void showsLineBreaksAndQuotesEscaped() {
            CheckResult result = evaluate(OutputChecks.contains("Paris"), "It is \"Lyon\".\nSure.");

            assertThat(result.message()).isEqualTo("expected to contain \"Paris\", was \"It is \\\"Lyon\\\".\\nSure.\"");
        }

        @Test
        void isCaseSensitive() {
            assertThat(evaluate(OutputChecks.contains("paris"), "Paris").passed()).isFalse();
        }

        @Test
        void rejectsEmptyText() {
            assertThatIllegalArgumentException().isThrownBy(() -> OutputChecks.contains(""));
        }
    }

    @Nested
    class NotContains {

        @Test
        void passesWhenTheAnswerLacksTheText() {
            CheckResult result = evaluate(OutputChecks.notContains("delete"), "Restart the pod.");

            assertThat(result).isEqualTo(CheckResult.pass("output", "does not contain \"delete\""));
        }

        @Test
        void failsShowingWhereTheTextWasFound() {
            CheckResult result = evaluate(OutputChecks.notContains("delete"), "Just delete the pod.");

            assertThat(result).hasToString(
                    "output: expected not to contain \"delete\", found it at offset 5 in \"Just delete the pod.\"");
        }

        @Test
        void failsShowingOnlyTheContextAroundTheTextInALongAnswer() {
            String answer = "a".repeat(300) + "delete" + "b".repeat(300);

            CheckResult result = evaluate(OutputChecks.notContains("delete"), answer);

            assertThat(result.message()).isEqualTo("expected not to contain \"delete\", found it at offset 300 in \"…"
                    + "a".repeat(97) + "delete" + "b".repeat(97) + "…\"");
        }
    }

    @Nested
    class EqualTo {

        @Test
        void passesForExactlyTheText() {
            assertThat(evaluate(OutputChecks.equalTo("42"), "42")).isEqualTo(CheckResult.pass("output", "equals \"42\""));
        }

        @Test
        void failsPointingAtTheFirstDifference() {
            CheckResult result = evaluate(OutputChecks.equalTo("42"), "42\n");

            assertThat(result.message()).isEqualTo("expected to equal \"42\", was \"42\\n\" (first difference at index 2)");
        }

        @Test
        void requiresAnEmptyAnswerWhenTheTextIsEmpty() {
            assertThat(evaluate(OutputChecks.equalTo(""), "").passed()).isTrue();
            assertThat(evaluate(OutputChecks.equalTo(""), "x").message()).isEqualTo("expected to equal \"\", was \"x\"");
        }
    }

    @Nested
    class Matches {

        @Test
        void passesWhenTheRegexIsFoundAnywhere() {
            CheckResult result = evaluate(OutputChecks.matches(Pattern.compile("(?i)memory limit")),
                    "It exceeded its Memory Limit of 512Mi.");

            assertThat(result).isEqualTo(CheckResult.pass("output", "matches /(?i)memory limit/"));
        }

        @Test
        void failsShowingTheRegexAndTheAnswer() {
            CheckResult result = evaluate(OutputChecks.matches(Pattern.compile("(?i)memory limit")), "A bad config.");

            assertThat(result).hasToString("output: expected to match /(?i)memory limit/, was \"A bad config.\"");
        }
    }
}
