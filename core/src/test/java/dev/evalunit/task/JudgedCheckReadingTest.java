package dev.evalunit.task;

import dev.evalunit.judge.JudgedChecks;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static dev.evalunit.task.TaskFiles.error;
import static dev.evalunit.task.TaskFiles.task;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The judged checks as task files write them, read through the registry and {@link CheckValue}
 * like a user's check kind: each complaint at the line and column of the part that is wrong.
 */
class JudgedCheckReadingTest {

    private static String output(String check) {
        return "prompt: Hi\nexpect:\n  output:\n    - " + check + "\n";
    }

    @Nested
    class Judge {

        @Test
        void readsARubric() {
            assertThat(task(output("judge: Names OOM as the cause.")).checks())
                    .containsExactly(JudgedChecks.judge("Names OOM as the cause."));
        }

        @Test
        void readsARubricWithSamples() {
            assertThat(task(output("judge: {rubric: Names OOM., samples: 3}")).checks())
                    .containsExactly(JudgedChecks.judge("Names OOM.", 3));
        }

        @Test
        void readsARubricWithoutSamples() {
            assertThat(task(output("judge: {rubric: Names OOM.}")).checks())
                    .containsExactly(JudgedChecks.judge("Names OOM.", 1));
        }

        @Test
        void reportsAnEvenNumberOfSamplesAtTheSamples() {
            assertThat(error("""
                    prompt: Hi
                    expect:
                      output:
                        - judge:
                            rubric: Names OOM.
                            samples: 2
                    """)).isEqualTo("t.yaml:6:18: expect.output[0].judge.samples must be a positive odd whole number"
                    + " (1, 3, 5...), so that a majority always exists, was 2");
        }

        @Test
        void reportsSamplesThatAreNotANumber() {
            assertThat(error(output("judge: {rubric: Names OOM., samples: three}")))
                    .startsWith("t.yaml:4:44: expect.output[0].judge.samples must be a positive odd whole number")
                    .endsWith("was \"three\"");
        }

        @Test
        void reportsABlankRubric() {
            assertThat(error(output("judge: \"  \"")))
                    .isEqualTo("t.yaml:4:14: missing value for expect.output[0].judge; write the rubric");
        }

        @Test
        void reportsAnEmptyValue() {
            assertThat(error(output("judge:")))
                    .isEqualTo("t.yaml:4:13: missing value for expect.output[0].judge; write the rubric");
        }

        @Test
        void reportsAMissingRubricAtTheMapping() {
            assertThat(error(output("judge: {samples: 3}")))
                    .startsWith("t.yaml:4:14: expect.output[0].judge needs a rubric");
        }

        @Test
        void reportsAMisspelledKeyAtTheKeyWithTheClosestOne() {
            assertThat(error(output("judge: {rubric: x, smaples: 3}")))
                    .isEqualTo("t.yaml:4:26: unknown key \"smaples\"; did you mean \"samples\"? Allowed here: rubric,"
                            + " samples");
        }

        @Test
        void reportsAListWithWhatToWrite() {
            assertThat(error(output("judge: [Names OOM.]")))
                    .startsWith("t.yaml:4:14: expect.output[0].judge must be a rubric, or a mapping with rubric and"
                            + " samples")
                    .endsWith(", was a list");
        }

        @Test
        void reportsARubricThatIsNotText() {
            assertThat(error(output("judge: {rubric: 3}")))
                    .isEqualTo("t.yaml:4:23: expect.output[0].judge.rubric must be text, was a number");
        }
    }

    @Nested
    class Similar {

        @Test
        void readsTheTextAndTheThreshold() {
            assertThat(task(output("similar: {to: The pod ran out of memory., min: 0.8}")).checks())
                    .containsExactly(JudgedChecks.similar("The pod ran out of memory.", 0.8));
        }

        @Test
        void readsAWholeNumberThreshold() {
            assertThat(task(output("similar: {to: x, min: 1}")).checks())
                    .containsExactly(JudgedChecks.similar("x", 1.0));
        }

        @Test
        void reportsAMissingThresholdAtTheValue() {
            assertThat(error(output("similar: {to: The pod ran out of memory.}")))
                    .startsWith("t.yaml:4:16: expect.output[0].similar needs min, the lowest cosine similarity that"
                            + " passes")
                    .contains("choose it from scores measured with your embedding model");
        }

        @Test
        void reportsAThresholdOutOfRangeAtTheThreshold() {
            assertThat(error(output("similar: {to: x, min: 80}")))
                    .isEqualTo("t.yaml:4:29: expect.output[0].similar.min must be a number above 0 and at most 1,"
                            + " such as 0.8, was 80");
            assertThat(error(output("similar: {to: x, min: 0.0}"))).endsWith("was 0.0");
        }

        @Test
        void reportsTextInsteadOfAMapping() {
            assertThat(error(output("similar: The pod ran out of memory.")))
                    .isEqualTo("t.yaml:4:16: expect.output[0].similar must be a mapping with to and min, such as"
                            + " {to: \"The pod ran out of memory; raise its limit.\", min: 0.8}, was a string");
        }

        @Test
        void reportsAnUnknownKeyAtTheKey() {
            assertThat(error(output("similar: {to: x, min: 0.8, max: 0.9}")))
                    .startsWith("t.yaml:4:34: ").contains("\"max\"").contains("to, min");
        }

        @Test
        void reportsAnEmptyReferenceText() {
            assertThat(error(output("similar: {to: \"\", min: 0.8}")))
                    .isEqualTo("t.yaml:4:21: missing value for expect.output[0].similar.to; write the reference text");
        }
    }
}
