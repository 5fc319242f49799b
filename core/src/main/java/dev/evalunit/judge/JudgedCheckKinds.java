package dev.evalunit.judge;

import dev.evalunit.check.Check;
import dev.evalunit.task.CheckKind;
import dev.evalunit.task.CheckValue;

import java.util.function.BiFunction;

/**
 * The {@code judge} and {@code similar} keys of task files, registered with the task loader through
 * {@code META-INF/services/dev.evalunit.task.CheckKind} like any user's check kind, so the task
 * package never knows the judged checks.
 */
final class JudgedCheckKinds {

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
            return judged(value, JudgedChecks::judgeFromYaml);
        }
    }

    /** {@code - similar: {to: ..., min: 0.8}}. */
    public static final class SimilarKind implements CheckKind {
        @Override
        public String key() {
            return "similar";
        }

        @Override
        public Check read(CheckValue value) {
            return judged(value, JudgedChecks::similarFromYaml);
        }
    }

    /** Reads the value as plain data; the readers' complaints become errors at the value. */
    private static Check judged(CheckValue value, BiFunction<Object, String, Check> read) {
        Object plain = value.plain();
        try {
            return read.apply(plain, value.name());
        } catch (IllegalArgumentException e) {
            throw value.error(e.getMessage());
        }
    }
}
