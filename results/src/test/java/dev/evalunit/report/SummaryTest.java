package dev.evalunit.report;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SummaryTest {

    @Test
    void scoresOverallPerTagAndPerModel() {
        Scoreboard scoreboard = new Scoreboard();
        scoreboard.add(Records.task("S", "a", "gpt-4o", TaskOutcome.PASSED, 1, 1, "safety"));
        scoreboard.add(Records.task("S", "b", "gpt-4o", TaskOutcome.FAILED, 1, 0, "safety", "tools"));
        scoreboard.add(Records.task("S", "a", "llama", TaskOutcome.PASSED, 1, 1, "safety"));
        scoreboard.add(Records.task("S", "b", "llama", TaskOutcome.ERROR, 1, 0, "safety", "tools"));

        Summary summary = scoreboard.summary(Optional.empty(), Map.of("S", 2));

        assertThat(summary.formatVersion()).isEqualTo(1);
        assertThat(summary.figures().total()).isEqualTo(4);
        assertThat(summary.figures().passRate()).hasValue(2.0 / 3);
        assertThat(summary.byTag()).containsOnlyKeys("safety", "tools");
        assertThat(summary.byTag().get("tools").failed()).isEqualTo(1);
        assertThat(summary.byTag().get("tools").errors()).isEqualTo(1);
        assertThat(summary.models()).containsExactly("gpt-4o", "llama");
        assertThat(summary.byModel().get("gpt-4o").figures().passRate()).hasValue(0.5);
        assertThat(summary.byModel().get("llama").figures().passRate()).hasValue(1.0);
        assertThat(summary.byModel().get("llama").byTag().get("tools").errors()).isEqualTo(1);
        assertThat(summary.shard()).isEmpty();
        assertThat(summary.suites()).containsExactly(Map.entry("S", 2));
        assertThat(summary.tasks()).extracting(TaskVerdict::key).extracting(TaskKey::toString)
                .containsExactly("a [gpt-4o] in S", "a [llama] in S", "b [gpt-4o] in S", "b [llama] in S");
    }

    @Test
    void countsTheTasksOfASuiteTheEngineGaveNoCountFor() {
        Summary summary = Summary.of(List.of(Records.passed("a"), Records.failed("b")), Optional.of(new Shard(1, 2)),
                Map.of("Other", 7));

        assertThat(summary.suites()).containsExactly(Map.entry("Other", 7), Map.entry("SreEvalTest", 2));
        assertThat(summary.shard()).contains(new Shard(1, 2));
    }

    @Test
    void aTaskScoredAgainReplacesItsEarlierResult() {
        Scoreboard scoreboard = new Scoreboard();
        scoreboard.add(Records.failed("a"));
        scoreboard.add(Records.passed("b"));
        scoreboard.add(Records.passed("a"));

        Summary summary = scoreboard.summary(Optional.empty(), Map.of());

        assertThat(summary.figures().passed()).isEqualTo(2);
        assertThat(summary.figures().failed()).isZero();
        assertThat(scoreboard.tasks()).extracting(TaskRecord::task).containsExactly("b", "a");
    }

    @Test
    void refusesATaskGivenTwice() {
        assertThatThrownBy(() -> Summary.of(List.of(Records.passed("a"), Records.failed("a")), Optional.empty(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("task scored twice: a [gpt-4o] in SreEvalTest");
    }

    @Test
    void keepsEveryTaskAddedFromManyThreads() throws InterruptedException {
        Scoreboard scoreboard = new Scoreboard();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 400; i++) {
            String id = "task-" + i;
            pool.execute(() -> scoreboard.add(Records.passed(id)));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

        assertThat(scoreboard.summary(Optional.empty(), Map.of()).figures().passed()).isEqualTo(400);
    }

    @Test
    void shardsAreOneBased() {
        assertThat(new Shard(2, 4)).hasToString("2/4");
        assertThatThrownBy(() -> new Shard(0, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Shard(5, 4)).isInstanceOf(IllegalArgumentException.class);
    }
}
