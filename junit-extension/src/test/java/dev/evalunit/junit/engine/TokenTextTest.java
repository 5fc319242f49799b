package dev.evalunit.junit.engine;

import dev.evalunit.report.Prices;
import dev.evalunit.report.TaskOutcome;
import dev.evalunit.report.TaskRecord;
import dev.evalunit.report.TrialRecord;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class TokenTextTest {

    @Test
    void listsEachModelsTasksThatUsedTheMostTokensMostFirst() {
        List<TaskRecord> tasks = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            tasks.add(task("SreEvalTest", "t" + i, "big", i * 100, i));
        }
        tasks.add(task("SreEvalTest", "t1", "small", 10, 2));
        tasks.add(task("SreEvalTest", "t2", "small", 30, 5));

        String text = TokenText.of(tasks, Prices.parse("big=1.00/2.00,small=1.00/1.00", "evalunit.prices"));

        assertThat(text).isEqualTo("""
                EvalUnit tokens [big]: 2800 in / 28 out, cost 0.0029
                  t7  700 in / 7 out
                  t6  600 in / 6 out
                  t5  500 in / 5 out
                  t4  400 in / 4 out
                  t3  300 in / 3 out
                  ... and 2 more tasks in results.jsonl
                EvalUnit tokens [small]: 40 in / 7 out, cost 0.0000
                  t2  30 in / 5 out
                  t1  10 in / 2 out
                EvalUnit tokens total: 2840 in / 35 out, cost 0.0029
                """);
    }

    @Test
    void namesTheSuiteWhenTasksOfSeveralSuitesShareAModelAndSumsTheirTrials() {
        TaskRecord twoTrials = new TaskRecord("com.acme.SreEvalTest", "oom", "oom.yaml", "m", List.of(),
                TaskOutcome.PASSED, List.of(trial(1, 40, 4), trial(2, 60, 6)), 2, "all", 10);

        String text = TokenText.of(List.of(twoTrials, task("com.acme.DocsEvalTest", "oom", "m", 50, 1)),
                Prices.none());

        assertThat(text).isEqualTo("""
                EvalUnit tokens [m]: 150 in / 11 out
                  SreEvalTest oom   100 in / 10 out
                  DocsEvalTest oom  50 in / 1 out
                """);
    }

    @Test
    void listsNoTasksWhenOnlyOneUsedTokensAndNothingWhenNoneDid() {
        String one = TokenText.of(List.of(task("S", "a", "m", 5, 1), task("S", "b", "m", 0, 0)), Prices.none());
        String none = TokenText.of(List.of(task("S", "a", "m", 0, 0)), Prices.none());

        assertThat(one).isEqualTo("EvalUnit tokens [m]: 5 in / 1 out\n");
        assertThat(none).isEmpty();
    }

    @Test
    void givesNoRunCostWhenAModelHasNoPrice() {
        String text = TokenText.of(List.of(task("S", "a", "big", 1_000_000, 0), task("S", "a", "free", 5, 5)),
                Prices.parse("big=2.50/10.00", "evalunit.prices"));

        assertThat(text).contains("EvalUnit tokens [big]: 1000000 in / 0 out, cost 2.5000\n")
                .contains("EvalUnit tokens [free]: 5 in / 5 out\n")
                .contains("EvalUnit tokens total: 1000005 in / 5 out\n");
    }

    private static TaskRecord task(String suite, String id, String model, long input, long output) {
        return new TaskRecord(suite, id, id + ".yaml", model, List.of(), TaskOutcome.PASSED,
                List.of(trial(1, input, output)), 1, "all", 10);
    }

    private static TrialRecord trial(int number, long input, long output) {
        return new TrialRecord(number, true, 10, List.of(), input, output, Optional.empty(), Optional.empty());
    }
}
