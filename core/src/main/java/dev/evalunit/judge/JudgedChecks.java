package dev.evalunit.judge;

import org.apiguardian.api.API;

import dev.evalunit.check.Check;

import java.util.Objects;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

/**
 * The checks on a trial's final answer that need judgement rather than string matching:
 * {@code judge}, a rubric graded by the suite's {@link Judge judge model}, and {@code similar},
 * semantic similarity to a reference text scored by a {@link SimilarityScorer}. Their label is
 * {@code output}, like the other checks on the answer.
 *
 * <p>Both make their uncertainty visible: a judge that cannot be asked, or answers something that
 * is not a verdict twice, and an embedding model that is missing, make the trial an error
 * ({@link dev.evalunit.check.CheckUnscorableException}), never a pass.
 *
 * <p>Task files write them as {@code judge:} and {@code similar:}, read by their check kinds
 * ({@code JudgedCheckKinds}) through the same {@link dev.evalunit.task.CheckValue} a user's kind gets.
 *
 * @since 0.1.0
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class JudgedChecks {

    /** The label of both checks: they are checks on the answer. */
    static final String LABEL = "output";

    private JudgedChecks() {
    }

    /**
     * @param rubric what a good answer does, in words the judge can grade; never {@code null} nor blank
     * @return a check that the judge finds the answer meets {@code rubric}
     */
    public static Check judge(String rubric) {
        return judge(rubric, 1);
    }

    /**
     * @param rubric what a good answer does; never {@code null} nor blank
     * @param samples how many times to ask the judge; odd, so that a majority always exists
     * @return a check that most of {@code samples} verdicts find the answer meets {@code rubric}
     * @throws IllegalArgumentException if the rubric is blank or {@code samples} is not a positive odd number
     */
    public static Check judge(String rubric, int samples) {
        Objects.requireNonNull(rubric, "rubric");
        if (rubric.isBlank()) {
            throw new IllegalArgumentException("the rubric must not be empty: write what a good answer does");
        }
        if (samples < 1 || samples % 2 == 0) {
            throw new IllegalArgumentException("samples must be a positive odd number (1, 3, 5...), so that a"
                    + " majority always exists, was " + samples);
        }
        return new JudgeCheck(rubric.strip(), samples);
    }

    /**
     * @param to the reference text; never {@code null} nor blank
     * @param min the lowest cosine similarity that passes, in (0, 1]; choose it from scores measured
     *        with the embedding model in use
     * @return a check that the answer's embedding is at least {@code min} similar to {@code to}'s
     * @throws IllegalArgumentException if {@code to} is blank or {@code min} is outside (0, 1]
     */
    public static Check similar(String to, double min) {
        Objects.requireNonNull(to, "to");
        if (to.isBlank()) {
            throw new IllegalArgumentException("the reference text must not be empty");
        }
        if (!(min > 0 && min <= 1)) {
            throw new IllegalArgumentException("min must be a cosine similarity above 0 and at most 1, such as 0.8,"
                    + " was " + min);
        }
        return new SimilarityCheck(to.strip(), min);
    }
}
