package dev.evalunit.report;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PowerPlanTest {

    static Stream<JsonNode> plans() {
        return ReferenceValues.cases("plan");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plans")
    void agreesWithStatsmodelsNormalPower(JsonNode reference) {
        PowerPlan plan = plan(reference);

        assertThat(plan.taskSd()).isCloseTo(reference.get("taskSd").asDouble(), within(1e-12));
        assertThat(plan.designEffect()).isCloseTo(reference.get("designEffect").asDouble(), within(1e-9));
        assertThat(plan.minimumDetectableDrop()).isCloseTo(reference.get("minimumDetectableDrop").asDouble(), within(1e-6));
        reference.get("needed").fields().forEachRemaining(entry -> {
            double drop = Double.parseDouble(entry.getKey());
            assertThat(plan.tasksFor(drop)).as("tasks for %s", drop).isEqualTo(entry.getValue().get("tasks").asInt());
            assertThat(plan.trialsFor(drop)).as("trials for %s", drop).isEqualTo(entry.getValue().get("trials").asInt());
        });
    }

    @Test
    void fortyTasksOfOneTrialCannotDetectAFivePointDrop() {
        PowerPlan plan = planNamed("forty tasks, one trial, half pass");

        assertThat(plan.cannotDetect(0.05)).isTrue();
        assertThat(plan.cannotDetect(0.5)).isFalse();
    }

    @Test
    void aSuiteThatPassedEverythingIsNotPlannedAsIfItDetectedAnyDrop() {
        PowerPlan plan = planNamed("forty tasks, one trial, all pass");

        assertThat(plan.rate()).isEqualTo(1.0);
        assertThat(plan.minimumDetectableDrop()).isGreaterThan(0.1);
    }

    @Test
    void oneTaskCanDetectNoDrop() {
        assertThat(planNamed("one task").minimumDetectableDrop()).isGreaterThan(1);
    }

    @Test
    void thePowerOfTheTestAtTheDetectableEffectIsThePlannedPower() {
        assertThat(PowerPlan.power(PowerPlan.effectNeeded(0.05, 0.8), 0.05)).isCloseTo(0.8, within(1e-9));
        assertThat(PowerPlan.power(0, 0.05)).isCloseTo(0.05, within(1e-12));
    }

    @Test
    void refusesADropOutsideZeroToOne() {
        PowerPlan plan = planNamed("one task");

        assertThatThrownBy(() -> plan.tasksFor(0)).hasMessageContaining("(0, 1]");
        assertThatThrownBy(() -> plan.trialsFor(1.5)).hasMessageContaining("(0, 1]");
    }

    @Test
    void noScoredTaskGivesNoPlan() {
        assertThat(PowerPlan.of(List.of(new TaskVerdict("s", "t", "m", dev.evalunit.report.TaskOutcome.ERROR)), 0.05, 0.8))
                .isEmpty();
    }

    private static PowerPlan planNamed(String name) {
        return plan(plans().filter(c -> c.get("name").asText().equals(name)).findFirst().orElseThrow());
    }

    private static PowerPlan plan(JsonNode reference) {
        List<TaskVerdict> verdicts = new ArrayList<>();
        JsonNode tasks = reference.get("tasks");
        for (int i = 0; i < tasks.size(); i++) {
            JsonNode task = tasks.get(i);
            verdicts.add(ReferenceValues.verdict(i, "m", task.get(0).asInt(), task.get(1).asInt(), task.get(2).asText()));
        }
        return PowerPlan.of(verdicts, reference.get("alpha").asDouble(), reference.get("power").asDouble()).orElseThrow();
    }
}
