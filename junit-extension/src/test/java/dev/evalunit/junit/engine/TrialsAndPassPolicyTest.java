package dev.evalunit.junit.engine;

import dev.evalunit.junit.EvalSuite;
import dev.evalunit.junit.ModelUnderTest;
import dev.evalunit.model.Agent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.opentest4j.AssertionFailedError;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.evalunit.junit.engine.EngineRuns.evalunit;
import static dev.evalunit.junit.engine.EngineRuns.failureOf;
import static dev.evalunit.junit.engine.EngineRuns.passedTests;
import static dev.evalunit.junit.engine.EngineRuns.taskId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

/**
 * A task runs its trials and passes when its pass policy is met. engine/trials: two-of-three
 * (trials: 3, pass: 2) and all-three (trials: 3, pass: all), both wanting OOMKilled in the answer.
 */
class TrialsAndPassPolicyTest {

    @EvalSuite("engine/trials")
    static class FlakySuite {

        static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();

        /** Right on every trial of a task but the second. */
        @ModelUnderTest
        static final Agent FLAKY = context -> {
            int call = CALLS.computeIfAbsent(context.task().id(), id -> new AtomicInteger()).incrementAndGet();
            return call == 2 ? "It is probably the network." : "The container was OOMKilled.";
        };
    }

    @BeforeEach
    void forgetCalls() {
        FlakySuite.CALLS.clear();
    }

    @Test
    void passesWhenAsManyTrialsPassAsThePolicyAsks() {
        EngineExecutionResults results = run("two-of-three");

        assertThat(passedTests(results)).containsExactly("two-of-three");
        assertThat(FlakySuite.CALLS.get("two-of-three")).hasValue(3);
    }

    @Test
    void failsWhenFewerTrialsPassThanThePolicyAsksNamingTheFailedTrial() {
        Throwable failure = failureOf(run("all-three"), "all-three");

        assertThat(failure).isInstanceOf(AssertionFailedError.class);
        assertThat(failure.getMessage().lines()).containsExactly(
                "all-three [FLAKY]: 2 of 3 trials passed (pass: all)",
                "  trial 2:",
                "    output: expected to contain \"OOMKilled\", was \"It is probably the network.\"");
    }

    private static EngineExecutionResults run(String task) {
        return evalunit().selectors(selectUniqueId(taskId(FlakySuite.class, task))).execute();
    }
}
