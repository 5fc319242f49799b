package dev.evalunit.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ModelStatisticsTest {

    static Stream<JsonNode> clustered() {
        return ReferenceValues.cases("clustered");
    }

    static Stream<JsonNode> flaky() {
        return ReferenceValues.cases("flaky");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clustered")
    void clusteredIntervalAgreesWithStatsmodels(JsonNode reference) {
        List<TaskVerdict> verdicts = new ArrayList<>();
        for (int i = 0; i < reference.get("passed").size(); i++) {
            verdicts.add(ReferenceValues.verdict(i, "m", reference.get("passed").get(i).asInt(), 1,
                    reference.get("clusters").get(i).asText()));
        }

        ModelStatistics statistics = ModelStatistics.of(verdicts);

        assertThat(statistics.clusteredStandardError().getAsDouble())
                .isCloseTo(reference.get("standardError").asDouble(), within(1e-12));
        assertThat(statistics.clusteredLow().getAsDouble()).isCloseTo(reference.get("low").asDouble(), within(1e-9));
        assertThat(statistics.clusteredHigh().getAsDouble()).isCloseTo(reference.get("high").asDouble(), within(1e-9));
    }

    @Test
    void namesTheClusteringUsed() {
        List<TaskVerdict> byFile = List.of(ReferenceValues.verdict(0, "m", 1, 1, "a.yaml"),
                ReferenceValues.verdict(1, "m", 0, 1, "a.yaml"), ReferenceValues.verdict(2, "m", 1, 1, "b.yaml"));
        List<TaskVerdict> apart = List.of(ReferenceValues.verdict(0, "m", 1, 1, "a.yaml"),
                ReferenceValues.verdict(1, "m", 0, 1, "b.yaml"));

        assertThat(ModelStatistics.of(byFile).clustering()).isEqualTo("cluster: key, else task file (2 clusters of 3 tasks)");
        assertThat(ModelStatistics.of(apart).clustering()).isEqualTo("none (every task its own cluster)");
    }

    @Test
    void oneClusterHasNoClusteredInterval() {
        ModelStatistics statistics = ModelStatistics.of(List.of(ReferenceValues.verdict(0, "m", 1, 1, "a.yaml"),
                ReferenceValues.verdict(1, "m", 0, 1, "a.yaml")));

        assertThat(statistics.clustering()).isEqualTo("cluster: key, else task file (1 cluster of 2 tasks)");
        assertThat(statistics.clusteredStandardError()).isEmpty();
        assertThat(statistics.clusteredLow()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flaky")
    void aFlakyTasksRateIntervalAgreesWithStatsmodelsWilson(JsonNode reference) {
        int passed = reference.get("passed").asInt();
        int trials = reference.get("trials").asInt();

        List<FlakyTask> flaky = FlakyTask.among(List.of(ReferenceValues.verdict(0, "m", passed, trials, "f")));

        assertThat(flaky).singleElement().satisfies(task -> {
            assertThat(task.interval().low()).isCloseTo(reference.get("low").asDouble(), within(1e-12));
            assertThat(task.interval().high()).isCloseTo(reference.get("high").asDouble(), within(1e-12));
        });
    }

    @Test
    void tasksWhoseTrialsAgreeAreNotFlaky() {
        List<TaskVerdict> verdicts = List.of(ReferenceValues.verdict(0, "m", 5, 5, "a"), ReferenceValues.verdict(1, "m", 0, 5, "b"),
                ReferenceValues.verdict(2, "m", 3, 5, "c"), ReferenceValues.verdict(3, "m", 1, 3, "d"),
                new TaskVerdict("s", "t4", "m", TaskOutcome.ERROR, 5, 2, "e"));

        ModelStatistics statistics = ModelStatistics.of(verdicts);

        assertThat(statistics.flaky()).extracting(task -> task.key().task()).containsExactly("t3", "t2");
        assertThat(statistics.tasksByTrials()).isEqualTo(Map.of(3, 1, 5, 3));
    }

    @Test
    void allPassAndAllFailSuitesHaveNoFlakyTasksAndAPlan() {
        for (int passed : new int[] {0, 3}) {
            ModelStatistics statistics = ModelStatistics.of(List.of(ReferenceValues.verdict(0, "m", passed, 3, "a"),
                    ReferenceValues.verdict(1, "m", passed, 3, "b")));
            assertThat(statistics.flaky()).isEmpty();
            assertThat(statistics.plan()).isPresent();
            assertThat(statistics.clusteredStandardError().getAsDouble()).isZero();
        }
    }
}
