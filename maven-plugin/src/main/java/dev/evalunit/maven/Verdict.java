package dev.evalunit.maven;

import java.util.List;
import java.util.Objects;

/**
 * What the gate decided.
 *
 * @param failures one message per broken rule, each starting {@code EvalUnit gate failed for model ...}; empty when it passed
 * @param summaryLine the one line logged when it passed
 */
record Verdict(List<String> failures, String summaryLine) {

    Verdict {
        failures = List.copyOf(Objects.requireNonNull(failures, "failures"));
        Objects.requireNonNull(summaryLine, "summaryLine");
    }

    boolean passed() {
        return failures.isEmpty();
    }

    /** @return every failure, one after the other */
    String failureMessage() {
        return String.join("\n", failures);
    }
}
