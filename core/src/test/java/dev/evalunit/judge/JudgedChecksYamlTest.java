package dev.evalunit.judge;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The values task files give {@code judge} and {@code similar}, as the loader hands them over: plain data. */
class JudgedChecksYamlTest {

    private static final String NAME = "expect.output[1]";

    private static Map<String, Object> map(Object... entries) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < entries.length; i += 2) {
            map.put((String) entries[i], entries[i + 1]);
        }
        return map;
    }

    @Nested
    class Judge {

        @Test
        void readsARubric() {
            assertThat(JudgedChecks.judgeFromYaml("Names OOM as the cause.", NAME + ".judge"))
                    .isEqualTo(new JudgeCheck("Names OOM as the cause.", 1));
        }

        @Test
        void readsARubricWithSamples() {
            assertThat(JudgedChecks.judgeFromYaml(map("rubric", "Names OOM.", "samples", 3L), NAME + ".judge"))
                    .isEqualTo(new JudgeCheck("Names OOM.", 3));
        }

        @Test
        void readsARubricWithoutSamples() {
            assertThat(JudgedChecks.judgeFromYaml(map("rubric", "Names OOM."), NAME + ".judge"))
                    .isEqualTo(new JudgeCheck("Names OOM.", 1));
        }

        @Test
        void refusesAnEvenNumberOfSamples() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> JudgedChecks.judgeFromYaml(map("rubric", "Names OOM.", "samples", 2L),
                            NAME + ".judge"))
                    .withMessage("expect.output[1].judge.samples must be a positive odd whole number (1, 3, 5...),"
                            + " so that a majority always exists, was 2");
        }

        @Test
        void refusesSamplesThatAreNotANumber() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> JudgedChecks.judgeFromYaml(map("rubric", "Names OOM.", "samples", "three"),
                            NAME + ".judge"))
                    .withMessageEndingWith("was \"three\"");
        }

        @Test
        void refusesAnEmptyRubric() {
            assertThatIllegalArgumentException().isThrownBy(() -> JudgedChecks.judgeFromYaml("  ", NAME + ".judge"))
                    .withMessage("missing value for expect.output[1].judge; write the rubric");
        }

        @Test
        void refusesAMissingRubric() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> JudgedChecks.judgeFromYaml(map("samples", 3L), NAME + ".judge"))
                    .withMessageStartingWith("expect.output[1].judge needs a rubric");
        }

        @Test
        void refusesAnUnknownKey() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> JudgedChecks.judgeFromYaml(map("rubric", "x", "smaples", 3L), NAME + ".judge"))
                    .withMessage("unknown key \"smaples\" in expect.output[1].judge. Allowed here: rubric, samples");
        }

        @Test
        void refusesAList() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> JudgedChecks.judgeFromYaml(List.of("Names OOM."), NAME + ".judge"))
                    .withMessageStartingWith("expect.output[1].judge must be a rubric, or a mapping with rubric and"
                            + " samples")
                    .withMessageEndingWith(", was a list");
        }

        @Test
        void refusesAnEmptyValue() {
            assertThatIllegalArgumentException().isThrownBy(() -> JudgedChecks.judgeFromYaml(null, NAME + ".judge"))
                    .withMessageEndingWith(", was empty");
        }
    }

    @Nested
    class Similar {

        @Test
        void readsTheTextAndTheThreshold() {
            assertThat(JudgedChecks.similarFromYaml(map("to", "The pod ran out of memory.", "min", 0.8),
                    NAME + ".similar")).isEqualTo(new SimilarityCheck("The pod ran out of memory.", 0.8));
        }

        @Test
        void readsAWholeNumberThreshold() {
            assertThat(JudgedChecks.similarFromYaml(map("to", "x", "min", 1L), NAME + ".similar"))
                    .isEqualTo(new SimilarityCheck("x", 1.0));
        }

        @Test
        void needsAThresholdMeasuredForTheModel() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> JudgedChecks.similarFromYaml(map("to", "x"), NAME + ".similar"))
                    .withMessageStartingWith("expect.output[1].similar needs min, the lowest cosine similarity that"
                            + " passes")
                    .withMessageContaining("choose it from scores measured with your embedding model");
        }

        @Test
        void refusesAThresholdAboveOne() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> JudgedChecks.similarFromYaml(map("to", "x", "min", 80L), NAME + ".similar"))
                    .withMessage("expect.output[1].similar.min must be a number above 0 and at most 1, such as 0.8,"
                            + " was 80");
        }

        @Test
        void refusesAThresholdOfZero() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> JudgedChecks.similarFromYaml(map("to", "x", "min", 0.0), NAME + ".similar"))
                    .withMessageEndingWith("was 0.0");
        }

        @Test
        void refusesAText() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> JudgedChecks.similarFromYaml("The pod ran out of memory.", NAME + ".similar"))
                    .withMessage("expect.output[1].similar must be a mapping with to and min, such as {to: \"The pod"
                            + " ran out of memory; raise its limit.\", min: 0.8}, was a string");
        }

        @Test
        void refusesAnUnknownKey() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> JudgedChecks.similarFromYaml(map("to", "x", "min", 0.8, "max", 0.9),
                            NAME + ".similar"))
                    .withMessage("unknown key \"max\" in expect.output[1].similar. Allowed here: to, min");
        }

        @Test
        void refusesAnEmptyText() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> JudgedChecks.similarFromYaml(map("to", "", "min", 0.8), NAME + ".similar"))
                    .withMessage("missing value for expect.output[1].similar.to; write the reference text");
        }
    }
}
