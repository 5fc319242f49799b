package dev.evalunit.junit.engine;

import dev.evalunit.report.CheckRecord;
import dev.evalunit.report.TaskRecord;
import dev.evalunit.report.TrialRecord;
import dev.evalunit.report.TaskOutcome;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressTest {

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final Progress progress = new Progress(clock::get);

    @Test
    void saysHowFarEachModelIsWithItsPassRateSpeedAndTimeLeft() {
        progress.plan("gpt-4o", 400);
        for (int i = 0; i < 97; i++) {
            progress.finished(task("passed-" + i, "gpt-4o", TaskOutcome.PASSED));
        }
        for (int i = 0; i < 20; i++) {
            progress.finished(task("failed-" + i, "gpt-4o", TaskOutcome.FAILED));
        }
        for (int i = 0; i < 3; i++) {
            progress.finished(task("error-" + i, "gpt-4o", TaskOutcome.ERROR));
        }
        clock.addAndGet(Duration.ofSeconds(60).toNanos());

        assertThat(progress.lines()).containsExactly("EvalUnit [gpt-4o] 120/400 done · 97 passed · 20 failed · 3 errors"
                + " · pass rate 0.83 (0.75-0.89) · 2.0 tasks/s · ETA 2m20s");
    }

    @Test
    void repeatsAModelOnlyWhileItRunsOrWhenItMoved() {
        progress.plan("gpt-4o", 2);
        progress.plan("gpt-4o-mini", 1);
        progress.finished(task("a", "gpt-4o-mini", TaskOutcome.PASSED));
        clock.addAndGet(Duration.ofSeconds(2).toNanos());

        assertThat(progress.lines()).containsExactly("EvalUnit [gpt-4o] 0/2 done · 0 passed · 0 failed · 0 errors",
                "EvalUnit [gpt-4o-mini] 1/1 done · 1 passed · 0 failed · 0 errors · pass rate 1.00 (0.21-1.00) · 0.5 tasks/s");
        // The mini model is done and said so: only the one still running is printed on the next tick.
        assertThat(progress.lines()).hasSize(1).first().asString().startsWith("EvalUnit [gpt-4o] 0/2 done");

        progress.finished(task("b", "gpt-4o", TaskOutcome.FAILED));
        progress.finished(task("c", "gpt-4o", TaskOutcome.FAILED));
        assertThat(progress.lines()).containsExactly("EvalUnit [gpt-4o] 2/2 done · 0 passed · 2 failed · 0 errors"
                + " · pass rate 0.00 (0.00-0.66) · 1.0 tasks/s");
        assertThat(progress.lines()).isEmpty();
    }

    @Test
    void writesTheTimeLeftInSecondsMinutesOrHours() {
        assertThat(Progress.eta(Duration.ofSeconds(45))).isEqualTo("45s");
        assertThat(Progress.eta(Duration.ofSeconds(175))).isEqualTo("2m55s");
        assertThat(Progress.eta(Duration.ofSeconds(3720))).isEqualTo("1h02m");
    }

    static TaskRecord task(String id, String model, TaskOutcome outcome) {
        boolean passed = outcome == TaskOutcome.PASSED;
        TrialRecord trial = new TrialRecord(1, passed, 10, List.of(new CheckRecord("output", passed, "m")), 100, 20,
                Optional.empty(), outcome == TaskOutcome.ERROR ? Optional.of("ConnectException") : Optional.empty());
        return new TaskRecord("S", id, id + ".yaml", model, List.of(), outcome, List.of(trial), passed ? 1 : 0, "all", 10);
    }
}
