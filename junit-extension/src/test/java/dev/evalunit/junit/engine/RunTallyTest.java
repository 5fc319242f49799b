package dev.evalunit.junit.engine;

import dev.evalunit.run.TaskOutcome;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The summary the engine prints at the end of a run: pass rates over scored tasks, errors apart. */
class RunTallyTest {

    @Test
    void reportsThePassRateOfScoredTasksAndCountsErrorsApart() {
        RunTally tally = new RunTally();
        tally.add("SreEvalTest", "oracle", TaskOutcome.PASSED);
        tally.add("SreEvalTest", "oracle", TaskOutcome.PASSED);
        tally.add("SreEvalTest", "oracle", TaskOutcome.PASSED);
        tally.add("SreEvalTest", "oracle", TaskOutcome.FAILED);
        tally.add("SreEvalTest", "oracle", TaskOutcome.ERROR);

        assertThat(tally.summary()).isEqualTo("EvalUnit SreEvalTest [oracle]: 3/4 tasks passed (pass rate 75.0%), 1 error\n");
    }

    @Test
    void addsATotalLineWhenTheRunHasSeveralSuitesOrModels() {
        RunTally tally = new RunTally();
        tally.add("SreEvalTest", "oracle", TaskOutcome.PASSED);
        tally.add("SreEvalTest", "nop", TaskOutcome.FAILED);

        assertThat(tally.summary().lines()).containsExactly(
                "EvalUnit SreEvalTest [nop]: 0/1 tasks passed (pass rate 0.0%), 0 errors",
                "EvalUnit SreEvalTest [oracle]: 1/1 tasks passed (pass rate 100.0%), 0 errors",
                "EvalUnit total: 1/2 tasks passed (pass rate 50.0%), 0 errors");
    }

    @Test
    void saysSoWhenNoTaskCouldBeScored() {
        RunTally tally = new RunTally();
        tally.add("SreEvalTest", "no model", TaskOutcome.ERROR);

        assertThat(tally.summary()).isEqualTo("EvalUnit SreEvalTest [no model]: 0/0 tasks passed (no task scored), 1 error\n");
    }

    @Test
    void isEmptyUntilATaskIsAdded() {
        assertThat(new RunTally().isEmpty()).isTrue();
    }
}
