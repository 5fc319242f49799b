package dev.evalunit.examples.checks;

import dev.evalunit.check.Check;
import dev.evalunit.check.CheckResult;
import dev.evalunit.check.Evidence;
import dev.evalunit.task.CheckKind;
import dev.evalunit.task.CheckValue;

/**
 * A check kind of the user's own: {@code - max-words: 60} holds when the answer has at most 60
 * words. Registered in {@code META-INF/services/dev.evalunit.task.CheckKind}, so any task file on
 * this test class path may use it (see {@code qa/http-503.yaml}).
 */
public final class MaxWordsCheckKind implements CheckKind {

    @Override
    public String key() {
        return "max-words";
    }

    @Override
    public Check read(CheckValue value) {
        int max;
        try {
            max = Integer.parseInt(value.text());
        } catch (NumberFormatException e) {
            throw value.error(value.name() + " must be a whole number of words, such as 60; was \"" + value.text() + "\"");
        }
        if (max < 1) {
            throw value.error(value.name() + " must be at least 1; was " + max);
        }
        return new MaxWords(max);
    }

    private record MaxWords(int max) implements Check {
        @Override
        public String label() {
            return "output";
        }

        @Override
        public CheckResult evaluate(Evidence evidence) {
            String text = evidence.output().strip();
            int words = text.isEmpty() ? 0 : text.split("\\s+").length;
            return words <= max
                    ? CheckResult.pass(label(), "has " + words + " words, at most " + max)
                    : CheckResult.fail(label(), "expected at most " + max + " words, found " + words);
        }
    }
}
