package dev.evalunit.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

class FiguresTest {

    @Test
    void theOutlineOfEveryTaskGivesTheSameFiguresWithoutChecksTranscriptsOrSpans() {
        List<TaskRecord> run = new java.util.ArrayList<>(ReportFixtures.run());
        run.add(Records.task("SreEvalTest", "tools/disk", "gpt-4o", TaskOutcome.FAILED, 3, 1, "sre"));
        List<TaskRecord> outlines = run.stream().map(TaskRecord::outline).toList();

        assertThat(Figures.of(outlines)).isEqualTo(Figures.of(run));
        assertThat(outlines).flatExtracting(TaskRecord::trials).allSatisfy(trial -> {
            assertThat(trial.checks()).isEmpty();
            assertThat(trial.transcript()).isEmpty();
            assertThat(trial.spans()).isEmpty();
        });
        assertThat(outlines).extracting(TaskRecord::key).containsExactlyElementsOf(run.stream().map(TaskRecord::key).toList());
        assertThat(run).flatExtracting(TaskRecord::trials).anySatisfy(trial -> assertThat(trial.spans()).isNotEmpty());
    }

    @Test
    void passRateLeavesErrorsOut() {
        Figures figures = Figures.of(List.of(Records.passed("a"), Records.passed("b"), Records.failed("c"),
                Records.failed("d"), Records.errored("e")));

        assertThat(figures.total()).isEqualTo(5);
        assertThat(figures.passed()).isEqualTo(2);
        assertThat(figures.failed()).isEqualTo(2);
        assertThat(figures.errors()).isEqualTo(1);
        assertThat(figures.passRate()).hasValue(0.5); // 2 / (2 + 2), not 2 / 5
        assertThat(figures.passRateLow().getAsDouble()).isEqualTo(Statistics.wilson(2, 4).low());
        assertThat(figures.passRateHigh().getAsDouble()).isEqualTo(Statistics.wilson(2, 4).high());
    }

    @Test
    void hasNoPassRateWhenNothingWasScored() {
        Figures figures = Figures.of(List.of(Records.errored("a"), Records.errored("b")));

        assertThat(figures.errors()).isEqualTo(2);
        assertThat(figures.passRate()).isEmpty();
        assertThat(figures.passRateLow()).isEmpty();
        assertThat(figures.passRateHigh()).isEmpty();
        assertThat(Figures.of(List.of()).total()).isZero();
    }

    @Test
    void hasNoPassAtKWhenEveryTaskRanOneTrial() {
        Figures figures = Figures.of(List.of(Records.passed("a"), Records.failed("b")));

        assertThat(figures.passAtK()).isEmpty();
        assertThat(figures.passHatK()).isEmpty();
    }

    @Test
    void averagesPassAtKOverTheScoredTasksWithAtLeastKTrials() {
        // A: 5 trials, 2 passed (pass: any). B: 3 trials, all passed. C errored after 5 trials: left out.
        // pass@k of A (1 - C(3,k)/C(5,k)): 0.4, 0.7, 0.9, 1, 1;  of B: 1 for k = 1..3.
        // pass^k of A (C(2,k)/C(5,k)):     0.4, 0.1, 0, 0, 0;    of B: 1 for k = 1..3.
        // k = 1..3 average A and B; k = 4, 5 are A's alone.
        List<TaskRecord> tasks = List.of(
                Records.task("S", "A", "m", TaskOutcome.PASSED, 5, 2),
                Records.task("S", "B", "m", TaskOutcome.PASSED, 3, 3),
                Records.task("S", "C", "m", TaskOutcome.ERROR, 5, 0));

        Figures figures = Figures.of(tasks);

        assertThat(figures.passAtK()).containsOnlyKeys(1, 2, 3, 4, 5);
        assertThat(figures.passAtK().get(1)).isCloseTo(0.7, within(1e-12));
        assertThat(figures.passAtK().get(2)).isCloseTo(0.85, within(1e-12));
        assertThat(figures.passAtK().get(3)).isCloseTo(0.95, within(1e-12));
        assertThat(figures.passAtK()).contains(entry(4, 1.0), entry(5, 1.0));
        assertThat(figures.passHatK().get(1)).isCloseTo(0.7, within(1e-12));
        assertThat(figures.passHatK().get(2)).isCloseTo(0.55, within(1e-12));
        assertThat(figures.passHatK().get(3)).isCloseTo(0.5, within(1e-12));
        assertThat(figures.passHatK()).contains(entry(4, 0.0), entry(5, 0.0));
        assertThat(figures.passAtK().keySet()).containsExactly(1, 2, 3, 4, 5);
    }
}
