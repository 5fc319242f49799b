package dev.evalunit.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import static dev.evalunit.task.TaskFiles.error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class AdaptivePassTest {

    static List<JsonNode> binomial() throws IOException {
        try (InputStream in = AdaptivePassTest.class.getResourceAsStream("/stats/adaptive.json")) {
            List<JsonNode> cases = new ArrayList<>();
            new ObjectMapper().readTree(in).get("cases").forEach(cases::add);
            return cases;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("binomial")
    void theExactBinomialTestAgreesWithScipy(JsonNode reference) {
        int passed = reference.get("passed").asInt();
        int trials = reference.get("trials").asInt();
        double rate = reference.get("rate").asDouble();
        double expected = reference.get("pValue").asDouble();

        assertThat(PassPolicy.pValue(passed, trials, rate)).isCloseTo(expected, within(1e-12));
        assertThat(PassPolicy.adaptive(rate, 100).wantsAnotherTrial(passed, trials)).isEqualTo(expected >= 0.05);
    }

    @Test
    void addsTrialsOnlyWhileUndecidedAndNeverPastTheCap() {
        PassPolicy policy = PassPolicy.adaptive(0.8, 10);

        assertThat(policy.wantsAnotherTrial(2, 3)).as("2 of 3 could be 80%").isTrue();
        assertThat(policy.wantsAnotherTrial(0, 3)).as("0 of 3 is not 80%").isFalse();
        assertThat(policy.wantsAnotherTrial(9, 10)).as("the cap").isFalse();
        assertThat(PassPolicy.ALL.wantsAnotherTrial(1, 2)).isFalse();
    }

    @Test
    void passesAtTheRequiredShareOfTrials() {
        PassPolicy policy = PassPolicy.adaptive(0.8, 10);

        assertThat(policy.passes(8, 10)).isTrue();
        assertThat(policy.passes(7, 10)).isFalse();
        assertThat(policy.passes(4, 5)).isTrue();
        assertThat(policy).hasToString("{rate: 0.8, maxTrials: 10}");
    }

    @Test
    void aRateOfOneStopsAtTheFirstFailure() {
        PassPolicy policy = PassPolicy.adaptive(1.0, 5);

        assertThat(policy.wantsAnotherTrial(3, 3)).isTrue();
        assertThat(policy.wantsAnotherTrial(2, 3)).isFalse();
    }

    @Test
    void readsTheAdaptivePolicyFromATaskFile() {
        Task task = TaskFiles.task("""
                prompt: Hi
                trials: 3
                pass: {rate: 0.8, maxTrials: 10}
                expect: {output: [contains: a]}
                """);

        assertThat(task.trials()).isEqualTo(3);
        assertThat(task.pass()).isEqualTo(PassPolicy.adaptive(0.8, 10));
    }

    @Test
    void refusesARateOutsideZeroToOne() {
        assertThat(error("""
                prompt: Hi
                pass: {rate: 1.5, maxTrials: 10}
                expect: {output: [contains: a]}
                """)).isEqualTo("t.yaml:2:14: pass.rate must be a number above 0 and at most 1, was 1.5; write the"
                + " share of trials that must pass, such as 0.8");
    }

    @Test
    void refusesAnAdaptivePolicyWithoutItsCap() {
        assertThat(error("""
                prompt: Hi
                pass: {rate: 0.8}
                expect: {output: [contains: a]}
                """)).isEqualTo("t.yaml:2:7: pass needs maxTrials, the most trials to run while the verdict is"
                + " undecided, such as maxTrials: 10");
    }

    @Test
    void refusesACapBelowTheTrialsRunFirst() {
        assertThat(error("""
                prompt: Hi
                trials: 5
                pass: {rate: 0.8, maxTrials: 3}
                expect: {output: [contains: a]}
                """)).isEqualTo("t.yaml:3:7: pass runs at most 3 trials (maxTrials) but trials is 5; trials is how"
                + " many run before any is added, so make maxTrials at least 5");
    }

    @Test
    void refusesAnUnknownKeyInThePolicy() {
        assertThat(error("""
                prompt: Hi
                pass: {rate: 0.8, maxTrials: 10, min: 2}
                expect: {output: [contains: a]}
                """)).startsWith("t.yaml:2:34: ").contains("min");
    }
}
