package dev.evalunit.judge;

import org.apiguardian.api.API;

import dev.evalunit.check.Check;

import java.util.List;
import java.util.Map;
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
 * <p>The {@code fromYaml} methods read the values task files give these checks; the task file
 * loader reports their {@link IllegalArgumentException}s at the value's position.
 *
 * @since 0.1.0
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class JudgedChecks {

    /** The label of both checks: they are checks on the answer. */
    static final String LABEL = "output";

    private static final List<String> JUDGE_KEYS = List.of("rubric", "samples");
    private static final List<String> SIMILAR_KEYS = List.of("to", "min");

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

    /**
     * Reads the value of {@code judge:} in a task file: a rubric, or a mapping
     * {@code {rubric: ..., samples: 3}}.
     *
     * @param value the value as plain data (a {@code String}, or a {@code Map} with {@code String}
     *        keys; numbers as {@code Long}); may be {@code null} for an empty value
     * @param name the value's path for messages, e.g. {@code expect.output[2].judge}; never {@code null}
     * @return the check
     * @throws IllegalArgumentException with a message naming {@code name} and what to write
     */
    public static Check judgeFromYaml(Object value, String name) {
        if (value instanceof String) {
            return judge(nonBlank((String) value, name, "the rubric"));
        }
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException(name + " must be a rubric, or a mapping with rubric and samples such as"
                    + " {rubric: \"The answer names OOM as the cause.\", samples: 3}, was " + describe(value));
        }
        Map<?, ?> map = (Map<?, ?>) value;
        unknownKeys(map, name, JUDGE_KEYS);
        if (!map.containsKey("rubric")) {
            throw new IllegalArgumentException(name + " needs a rubric: write what a good answer does, such as"
                    + " {rubric: \"The answer names OOM as the cause.\", samples: 3}");
        }
        Object rubric = map.get("rubric");
        if (!(rubric instanceof String)) {
            throw new IllegalArgumentException(name + ".rubric must be text, was " + describe(rubric));
        }
        String text = nonBlank((String) rubric, name + ".rubric", "the rubric");
        if (!map.containsKey("samples")) {
            return judge(text);
        }
        Object samples = map.get("samples");
        if (!(samples instanceof Long || samples instanceof Integer) || ((Number) samples).longValue() < 1
                || ((Number) samples).longValue() % 2 == 0 || ((Number) samples).longValue() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + ".samples must be a positive odd whole number (1, 3, 5...),"
                    + " so that a majority always exists, was " + (samples instanceof String ? "\"" + samples + "\""
                    : String.valueOf(samples)));
        }
        return judge(text, ((Number) samples).intValue());
    }

    /**
     * Reads the value of {@code similar:} in a task file: a mapping {@code {to: ..., min: 0.8}}.
     * Both keys are required: a threshold only means something for the embedding model it was
     * measured with.
     *
     * @param value the value as plain data (a {@code Map} with {@code String} keys; numbers as
     *        {@code Long} or {@code Double}); may be {@code null} for an empty value
     * @param name the value's path for messages, e.g. {@code expect.output[3].similar}; never {@code null}
     * @return the check
     * @throws IllegalArgumentException with a message naming {@code name} and what to write
     */
    public static Check similarFromYaml(Object value, String name) {
        String example = "{to: \"The pod ran out of memory; raise its limit.\", min: 0.8}";
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException(name + " must be a mapping with to and min, such as " + example
                    + ", was " + describe(value));
        }
        Map<?, ?> map = (Map<?, ?>) value;
        unknownKeys(map, name, SIMILAR_KEYS);
        if (!map.containsKey("to")) {
            throw new IllegalArgumentException(name + " needs to: the text the answer should mean, such as " + example);
        }
        Object to = map.get("to");
        if (!(to instanceof String)) {
            throw new IllegalArgumentException(name + ".to must be text, was " + describe(to));
        }
        String text = nonBlank((String) to, name + ".to", "the reference text");
        if (!map.containsKey("min")) {
            throw new IllegalArgumentException(name + " needs min, the lowest cosine similarity that passes, such as "
                    + example + "; choose it from scores measured with your embedding model (see docs/judged-checks.md)");
        }
        Object min = map.get("min");
        if (!(min instanceof Number) || !(((Number) min).doubleValue() > 0 && ((Number) min).doubleValue() <= 1)) {
            throw new IllegalArgumentException(name + ".min must be a number above 0 and at most 1, such as 0.8, was "
                    + (min instanceof String ? "\"" + min + "\"" : String.valueOf(min)));
        }
        return similar(text, ((Number) min).doubleValue());
    }

    private static String nonBlank(String text, String name, String what) {
        if (text.isBlank()) {
            throw new IllegalArgumentException("missing value for " + name + "; write " + what);
        }
        return text;
    }

    private static void unknownKeys(Map<?, ?> map, String name, List<String> allowed) {
        for (Object key : map.keySet()) {
            if (!allowed.contains(String.valueOf(key))) {
                throw new IllegalArgumentException("unknown key \"" + key + "\" in " + name + ". Allowed here: "
                        + String.join(", ", allowed));
            }
        }
    }

    private static String describe(Object value) {
        if (value == null) {
            return "empty";
        }
        if (value instanceof Map) {
            return "a mapping";
        }
        if (value instanceof List) {
            return "a list";
        }
        if (value instanceof Number) {
            return "a number";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        return "a string";
    }
}
