package dev.evalunit.task;

import org.junit.jupiter.api.Test;

import static dev.evalunit.task.TaskFiles.error;
import static org.assertj.core.api.Assertions.assertThat;

/** The judged checks as task files write them: read through the registry, errors at the value. */
class JudgedCheckReadingTest {

    @Test
    void reportsAMissingThresholdAtTheValue() {
        assertThat(error("""
                prompt: Hi
                expect:
                  output:
                    - similar: {to: The pod ran out of memory.}
                """)).startsWith("t.yaml:4:16: expect.output[0].similar needs min, the lowest cosine similarity");
    }

    @Test
    void reportsAnEvenNumberOfSamplesAtTheValue() {
        assertThat(error("""
                prompt: Hi
                expect:
                  output:
                    - judge:
                        rubric: Names OOM.
                        samples: 2
                """)).isEqualTo("t.yaml:5:9: expect.output[0].judge.samples must be a positive odd whole number"
                + " (1, 3, 5...), so that a majority always exists, was 2");
    }
}
