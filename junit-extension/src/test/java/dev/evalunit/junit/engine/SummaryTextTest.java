package dev.evalunit.junit.engine;

import dev.evalunit.report.CheckRecord;
import dev.evalunit.report.TaskRecord;
import dev.evalunit.report.TrialRecord;
import dev.evalunit.report.TaskOutcome;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SummaryTextTest {

    @Test
    void severalModelsGetTheLeaderboardAndTheirPairedComparison() {
        List<TaskRecord> tasks = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            tasks.add(task("t" + i, "big", i <= 9));
            tasks.add(task("t" + i, "small", i <= 4));
        }

        String text = SummaryText.of(tasks, Path.of("target/evalunit"));

        // five tasks pass only with big, none only with small: McNemar's exact p = 2 / 2^5 = 0.0625
        assertThat(text).contains("EvalUnit leaderboard:\n")
                .contains("EvalUnit pairwise (paired on the same tasks):\n"
                        + "  big vs small: difference +0.50 (95% CI +0.12 to +0.88) over 10 paired tasks,"
                        + " McNemar's exact test p = 0.063; 5 pass only with big, 0 only with small\n");
    }

    @Test
    void oneModelGetsNoPairwiseComparison() {
        String text = SummaryText.of(List.of(task("t1", "big", true)), Path.of("target/evalunit"));

        assertThat(text).doesNotContain("pairwise").doesNotContain("flaky");
    }

    @Test
    void listsTheTasksWhoseTrialsDisagreeWithTheirSuccessRate() {
        TrialRecord pass = new TrialRecord(1, true, 10, List.of(), 1, 1, Optional.empty(), Optional.empty());
        TrialRecord fail = new TrialRecord(2, false, 10, List.of(), 1, 1, Optional.empty(), Optional.empty());
        TaskRecord flaky = new TaskRecord("com.acme.SreEvalTest", "tools/oom", "oom.yaml", "big", List.of(),
                TaskOutcome.FAILED, List.of(pass, fail), 1, "all", 20);

        String text = SummaryText.of(List.of(flaky, task("t1", "big", true)), Path.of("target/evalunit"));

        // Wilson 1 of 2: 0.0945-0.9055
        assertThat(text).contains("EvalUnit flaky tasks (their trials disagree): 1\n"
                + "  tools/oom [big]: 1 of 2 trials passed, success rate 0.50 (95% CI 0.09-0.91)\n");
    }

    private static TaskRecord task(String id, String model, boolean passed) {
        TrialRecord trial = new TrialRecord(1, passed, 10, List.of(new CheckRecord("output", passed, "...")), 1, 1,
                Optional.empty(), Optional.empty());
        return new TaskRecord("com.acme.SreEvalTest", id, id + ".yaml", model, List.of(), passed ? TaskOutcome.PASSED
                : TaskOutcome.FAILED, List.of(trial), passed ? 1 : 0, "all", 10);
    }
}
