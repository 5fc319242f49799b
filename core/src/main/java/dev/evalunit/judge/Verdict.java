package dev.evalunit.judge;

import java.util.Objects;

/**
 * One verdict of the judge: whether the answer meets the rubric, and why.
 *
 * @param passed whether the judge answered {@code "pass"}
 * @param reason the judge's short reason; never {@code null} nor blank
 */
record Verdict(boolean passed, String reason) {

    Verdict {
        Objects.requireNonNull(reason, "reason");
        if (reason.isBlank()) {
            throw new IllegalArgumentException("a verdict needs a reason");
        }
    }

    /** @return {@code pass} or {@code fail}, as the judge wrote it */
    String word() {
        return passed ? VerdictParser.PASS : VerdictParser.FAIL;
    }
}
