package dev.evalunit.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PairedComparisonTest {

    static Stream<JsonNode> paired() {
        return ReferenceValues.cases("paired");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("paired")
    void agreesWithStatsmodels(JsonNode reference) {
        PairedComparison comparison = comparison(reference.get("tasks"));

        assertThat(comparison.test().name()).isEqualTo(reference.get("test").asText());
        assertThat(comparison.difference()).isCloseTo(reference.get("difference").asDouble(), within(1e-12));
        assertThat(comparison.pValue()).isCloseTo(reference.get("pValue").asDouble(), within(1e-9));
        if (reference.has("standardError")) {
            assertThat(comparison.standardError()).isCloseTo(reference.get("standardError").asDouble(), within(1e-12));
            assertThat(comparison.low()).isCloseTo(reference.get("low").asDouble(), within(1e-9));
            assertThat(comparison.high()).isCloseTo(reference.get("high").asDouble(), within(1e-9));
        }
    }

    @Test
    void withNoDiscordantTaskFindsNoChangeAndAZeroWidthInterval() {
        PairedComparison comparison = comparisonNamed("no discordant tasks");

        assertThat(comparison.pValue()).isEqualTo(1.0);
        assertThat(comparison.standardError()).isZero();
        assertThat(comparison.low()).isZero();
        assertThat(comparison.high()).isZero();
        assertThat(comparison.newlyFailing()).isEmpty();
        assertThat(comparison.newlyPassing()).isEmpty();
        assertThat(comparison.significantDrop(0.05)).isFalse();
    }

    @Test
    void allPassAndAllFailInBothRunsAreNoChange() {
        for (String name : List.of("all pass in both", "all fail in both")) {
            PairedComparison comparison = comparisonNamed(name);
            assertThat(comparison.difference()).as(name).isZero();
            assertThat(comparison.pValue()).as(name).isEqualTo(1.0);
        }
    }

    @Test
    void oneTaskGivesNoIntervalAndNoSignificance() {
        PairedComparison comparison = comparisonNamed("one task");

        assertThat(comparison.difference()).isEqualTo(-1.0);
        assertThat(comparison.standardError()).isNaN();
        assertThat(comparison.low()).isEqualTo(-1.0);
        assertThat(comparison.high()).isEqualTo(1.0);
        assertThat(comparison.significantDrop(0.05)).isFalse();
        assertThat(comparison.newlyFailing()).hasSize(1);
    }

    @Test
    void aSignificantDropListsTheNewlyFailingAndNewlyPassingTasks() {
        PairedComparison comparison = comparisonNamed("significant drop, one trial: 8 newly failing, 1 newly passing of 40");

        assertThat(comparison.significantDrop(0.05)).isTrue();
        assertThat(comparison.significantDrop(0.01)).isFalse();
        assertThat(comparison.newlyFailing()).hasSize(8);
        assertThat(comparison.newlyPassing()).hasSize(1);
        assertThat(comparison.test()).hasToString("McNemar's exact test");
    }

    @Test
    void aRiseIsNeverASignificantDrop() {
        PairedComparison comparison = comparisonNamed("rise, one trial");

        assertThat(comparison.difference()).isPositive();
        assertThat(comparison.significantDrop(0.5)).isFalse();
    }

    @Test
    void pairsTasksBySuiteAndIdAndSkipsTasksNotScoredInBoth() {
        List<TaskVerdict> baseline = List.of(new TaskVerdict("s", "a", "old", TaskOutcome.PASSED),
                new TaskVerdict("s", "b", "old", TaskOutcome.PASSED), new TaskVerdict("s", "c", "old", TaskOutcome.ERROR));
        List<TaskVerdict> candidate = List.of(new TaskVerdict("s", "a", "new", TaskOutcome.FAILED),
                new TaskVerdict("s", "c", "new", TaskOutcome.PASSED), new TaskVerdict("s", "d", "new", TaskOutcome.PASSED));

        PairedComparison comparison = PairedComparison.between(candidate, baseline).orElseThrow();

        assertThat(comparison.tasks()).isEqualTo(1);
        assertThat(comparison.newlyFailing()).containsExactly(new TaskKey("s", "a", "new"));
        assertThat(PairedComparison.between(candidate.subList(2, 3), baseline)).isEmpty();
    }

    private static PairedComparison comparisonNamed(String name) {
        return comparison(paired().filter(c -> c.get("name").asText().equals(name)).findFirst().orElseThrow().get("tasks"));
    }

    /** tasks: [candidatePassed, candidateTrials, baselinePassed, baselineTrials, cluster] */
    static PairedComparison comparison(JsonNode tasks) {
        List<PairedTask> pairs = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            JsonNode task = tasks.get(i);
            String cluster = task.get(4).asText();
            TaskVerdict candidate = ReferenceValues.verdict(i, "new", task.get(0).asInt(), task.get(1).asInt(), cluster);
            TaskVerdict baseline = ReferenceValues.verdict(i, "old", task.get(2).asInt(), task.get(3).asInt(), cluster);
            pairs.add(new PairedTask(candidate.key(), cluster, candidate, baseline));
        }
        return PairedComparison.of(pairs);
    }
}
