package dev.evalunit.judge;

import dev.evalunit.check.Check;
import dev.evalunit.task.CheckKind;
import dev.evalunit.task.CheckValue;

import java.util.List;
import java.util.Map;

/**
 * The {@code judge} and {@code similar} keys of task files, registered with the task loader through
 * {@code META-INF/services/dev.evalunit.task.CheckKind} like any user's check kind, so the task
 * package never knows the judged checks. They read their values through {@link CheckValue}, the
 * same reader a user's kind has: a complaint names the line and column of the part that is wrong.
 */
final class JudgedCheckKinds {

    private static final List<String> JUDGE_KEYS = List.of("rubric", "samples");
    private static final List<String> SIMILAR_KEYS = List.of("to", "min");
    private static final String JUDGE_EXAMPLE = "{rubric: \"The answer names OOM as the cause.\", samples: 3}";
    private static final String SIMILAR_EXAMPLE = "{to: \"The pod ran out of memory; raise its limit.\", min: 0.8}";

    private JudgedCheckKinds() {
    }

    /** {@code - judge: rubric} or {@code - judge: {rubric: ..., samples: 3}}. */
    public static final class JudgeKind implements CheckKind {
        @Override
        public String key() {
            return "judge";
        }

        @Override
        public Check read(CheckValue value) {
            String what = "a rubric, or a mapping with rubric and samples such as " + JUDGE_EXAMPLE;
            if (!value.isMapping()) {
                return JudgedChecks.judge(text(value, what, "the rubric"));
            }
            Map<String, CheckValue> entries = value.mapping(what, JUDGE_KEYS);
            CheckValue rubric = entries.get("rubric");
            if (rubric == null) {
                throw value.error(value.name() + " needs a rubric: write what a good answer does, such as "
                        + JUDGE_EXAMPLE);
            }
            String text = text(rubric, "text", "the rubric");
            CheckValue samples = entries.get("samples");
            if (samples == null) {
                return JudgedChecks.judge(text);
            }
            Object count = samples.plain();
            if (!(count instanceof Long) || (Long) count < 1 || (Long) count % 2 == 0 || (Long) count > Integer.MAX_VALUE) {
                throw samples.error(samples.name() + " must be a positive odd whole number (1, 3, 5...), so that a"
                        + " majority always exists, was " + written(samples, count));
            }
            return JudgedChecks.judge(text, ((Long) count).intValue());
        }
    }

    /** {@code - similar: {to: ..., min: 0.8}}: both keys, since a threshold belongs to one embedding model. */
    public static final class SimilarKind implements CheckKind {
        @Override
        public String key() {
            return "similar";
        }

        @Override
        public Check read(CheckValue value) {
            Map<String, CheckValue> entries = value.mapping("a mapping with to and min, such as " + SIMILAR_EXAMPLE,
                    SIMILAR_KEYS);
            CheckValue to = entries.get("to");
            if (to == null) {
                throw value.error(value.name() + " needs to: the text the answer should mean, such as "
                        + SIMILAR_EXAMPLE);
            }
            String text = text(to, "text", "the reference text");
            CheckValue min = entries.get("min");
            if (min == null) {
                throw value.error(value.name() + " needs min, the lowest cosine similarity that passes, such as "
                        + SIMILAR_EXAMPLE + "; choose it from scores measured with your embedding model"
                        + " (see docs/judged-checks.md)");
            }
            Object threshold = min.plain();
            if (!(threshold instanceof Long || threshold instanceof Double)
                    || !(((Number) threshold).doubleValue() > 0 && ((Number) threshold).doubleValue() <= 1)) {
                throw min.error(min.name() + " must be a number above 0 and at most 1, such as 0.8, was "
                        + written(min, threshold));
            }
            return JudgedChecks.similar(text, ((Number) threshold).doubleValue());
        }
    }

    /** @return the value's text, which must be written as text and not be blank */
    private static String text(CheckValue value, String what, String whatToWrite) {
        Object plain = value.plain();
        if (plain instanceof String && !((String) plain).isBlank()) {
            return (String) plain;
        }
        if (plain == null || plain instanceof String) {
            throw value.error("missing value for " + value.name() + "; write " + whatToWrite);
        }
        throw value.error(value.name() + " must be " + what + ", was " + value.describe());
    }

    /** @return the value as the message quotes it: text in quotes, a number as written, else what it is */
    private static String written(CheckValue value, Object plain) {
        if (plain instanceof String) {
            return "\"" + plain + "\"";
        }
        return plain instanceof Number ? String.valueOf(plain) : value.describe();
    }
}
