package dev.evalunit.report;

import org.apiguardian.api.API;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one builder of task records for EvalUnit's own tests: a task with its outcome, tags and trial
 * counts, and little else. Published in this module's test-jar so the plugin's tests build the same records.
 */
@API(status = API.Status.INTERNAL)
public final class Records {

    private Records() {
    }

    public static TaskRecord passed(String task, String... tags) {
        return task("SreEvalTest", task, "gpt-4o", TaskOutcome.PASSED, 1, 1, tags);
    }

    public static TaskRecord failed(String task, String... tags) {
        return task("SreEvalTest", task, "gpt-4o", TaskOutcome.FAILED, 1, 0, tags);
    }

    public static TaskRecord errored(String task, String... tags) {
        return task("SreEvalTest", task, "gpt-4o", TaskOutcome.ERROR, 1, 0, tags);
    }

    /** @return a task of one trial with the given outcome */
    public static TaskRecord task(String suite, String task, String model, TaskOutcome status, String... tags) {
        return task(suite, task, model, status, 1, status == TaskOutcome.PASSED ? 1 : 0, tags);
    }

    /** @return a task of {@code trials} trials, the first {@code passedTrials} of which passed */
    public static TaskRecord task(String suite, String task, String model, TaskOutcome status, int trials,
            int passedTrials, String... tags) {
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

    /** @return {@code passed} passing, then {@code failed} failing, then {@code errors} erroring tasks of one trial, named t01, t02, ... */
    public static List<TaskRecord> tasks(String suite, String model, int passed, int failed, int errors) {
        List<TaskRecord> tasks = new ArrayList<>();
        int n = 0;
        for (int i = 0; i < passed; i++) {
            tasks.add(task(suite, String.format("t%02d", ++n), model, TaskOutcome.PASSED));
        }
        for (int i = 0; i < failed; i++) {
            tasks.add(task(suite, String.format("t%02d", ++n), model, TaskOutcome.FAILED));
        }
        for (int i = 0; i < errors; i++) {
            tasks.add(task(suite, String.format("t%02d", ++n), model, TaskOutcome.ERROR));
        }
        return tasks;
    }
}
