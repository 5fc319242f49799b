package dev.evalunit.report;


import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Task records built in code: a task with its outcome, tags and trial counts, and little else. */
final class Records {

    private Records() {
    }

    static TaskRecord passed(String task, String... tags) {
        return task("SreEvalTest", task, "gpt-4o", TaskOutcome.PASSED, 1, 1, tags);
    }

    static TaskRecord failed(String task, String... tags) {
        return task("SreEvalTest", task, "gpt-4o", TaskOutcome.FAILED, 1, 0, tags);
    }

    static TaskRecord errored(String task, String... tags) {
        return task("SreEvalTest", task, "gpt-4o", TaskOutcome.ERROR, 1, 0, tags);
    }

    /** @return a task of {@code trials} trials, the first {@code passedTrials} of which passed */
    static TaskRecord task(String suite, String task, String model, TaskOutcome status, int trials, int passedTrials,
            String... tags) {
        List<TrialRecord> trialRecords = new ArrayList<>();
        for (int i = 1; i <= trials; i++) {
            boolean passed = i <= passedTrials;
            boolean errored = status == TaskOutcome.ERROR && i == trials;
            trialRecords.add(new TrialRecord(i, passed, 100, List.of(new CheckRecord("output", passed,
                    passed ? "contains \"OOM\"" : "expected to contain \"OOM\", was \"\"")), 10, 5, Optional.empty(),
                    errored ? Optional.of("ConnectException: Connection refused") : Optional.empty()));
        }
        return new TaskRecord(suite, task, "sre/" + task + ".yaml", model, List.of(tags), status, trialRecords,
                passedTrials, "all", 100L * trials);
    }
}
