package dev.evalunit.maven;

import java.util.List;
import java.util.Objects;

/**
 * What the gate decided.
 *
 * @param failures one message per broken rule, each starting {@code EvalUnit gate failed for model ...}; empty when it passed
 * @param summaryLine the one line logged when it passed
 * @param warnings what the log shows as warnings whether it passed or not, e.g. a comparison that cannot decide
 * @param notes what the log shows besides, e.g. the paired comparison with the baseline
 */
record Verdict(List<String> failures, String summaryLine, List<String> warnings, List<String> notes) {

    Verdict {
        failures = List.copyOf(Objects.requireNonNull(failures, "failures"));
        Objects.requireNonNull(summaryLine, "summaryLine");
        warnings = List.copyOf(Objects.requireNonNull(warnings, "warnings"));
        notes = List.copyOf(Objects.requireNonNull(notes, "notes"));
    }

    Verdict(List<String> failures, String summaryLine) {
        this(failures, summaryLine, List.of(), List.of());
    }

    boolean passed() {
        return failures.isEmpty();
    }

    /** @return every failure, one after the other */
    String failureMessage() {
        return String.join("\n", failures);
    }
}
