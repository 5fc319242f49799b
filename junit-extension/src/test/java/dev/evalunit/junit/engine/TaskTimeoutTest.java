package dev.evalunit.junit.engine;

import dev.evalunit.config.Constants;
import dev.evalunit.junit.EvalSuite;
import dev.evalunit.junit.ModelUnderTest;
import dev.evalunit.model.Agent;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.opentest4j.AssertionFailedError;

import java.util.concurrent.CountDownLatch;

import static dev.evalunit.junit.engine.EngineRuns.evalunit;
import static dev.evalunit.junit.engine.EngineRuns.failureOf;
import static dev.evalunit.junit.engine.EngineRuns.finishedTests;
import static dev.evalunit.junit.engine.EngineRuns.passedTests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * A trial past its task's timeout fails the task, and the run goes on. engine/timeout: blocks
 * (timeout: 200ms), then runs-after (no timeout of its own), run one at a time in that order.
 */
class TaskTimeoutTest {

    @EvalSuite("engine/timeout")
    static class BlockingSuite {

        /** Never answers blocks, until the engine interrupts it; answers the other task at once. */
        @ModelUnderTest
        static final Agent BLOCKS_ON_ONE_TASK = context -> {
            if (context.task().id().equals("blocks")) {
                new CountDownLatch(1).await();
            }
            return "The container was OOMKilled.";
        };
    }

    @Test
    void failsATaskWhoseTrialOutlivesItsTimeoutAndRunsTheNextTask() {
        EngineExecutionResults results = evalunit()
                .configurationParameter(Constants.CONCURRENCY_PROPERTY_NAME, "1")
                .selectors(selectClass(BlockingSuite.class)).execute();

        assertThat(finishedTests(results)).containsExactly("blocks", "runs-after");
        assertThat(failureOf(results, "blocks")).isInstanceOf(AssertionFailedError.class)
                .hasMessageContaining("timed out after 200ms");
        assertThat(passedTests(results)).containsExactly("runs-after");
    }
}
