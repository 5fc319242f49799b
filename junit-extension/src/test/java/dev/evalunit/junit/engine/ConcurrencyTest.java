package dev.evalunit.junit.engine;

import dev.evalunit.config.Constants;
import dev.evalunit.junit.EvalSuite;
import dev.evalunit.junit.ModelUnderTest;
import dev.evalunit.model.Agent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static dev.evalunit.junit.engine.EngineRuns.evalunit;
import static dev.evalunit.junit.engine.EngineRuns.passedTests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * evalunit.concurrency runs tasks at the same time, up to the limit, and each task still sees only
 * its own spans. engine/concurrency holds task-01 to task-20; each checks that its trial has
 * exactly two spans, its root with its own task id and one record call with its own id as
 * argument, so a span of another task in its trial would fail it.
 */
class ConcurrencyTest {

    private static final int TASKS = 20;

    @EvalSuite("engine/concurrency")
    static class RecordingSuite {

        static final AtomicInteger IN_FLIGHT = new AtomicInteger();
        static final AtomicInteger MOST_IN_FLIGHT = new AtomicInteger();

        /** Holds the first tasks until that many are in flight together; open by default. */
        static volatile CountDownLatch meeting = new CountDownLatch(0);

        @ModelUnderTest
        static final Agent RECORDER = context -> {
            MOST_IN_FLIGHT.accumulateAndGet(IN_FLIGHT.incrementAndGet(), Math::max);
            try {
                meeting.countDown();
                // Only a safety net: a run that cannot hold eight tasks at once waits this long, then fails below.
                meeting.await(30, TimeUnit.SECONDS);
                return context.executeTool("record", "{\"task\":\"" + context.task().id() + "\"}");
            } finally {
                IN_FLIGHT.decrementAndGet();
            }
        };
    }

    @BeforeEach
    void resetRecorder() {
        RecordingSuite.IN_FLIGHT.set(0);
        RecordingSuite.MOST_IN_FLIGHT.set(0);
        RecordingSuite.meeting = new CountDownLatch(0);
    }

    @Test
    void runsAsManyTasksAtOnceAsTheConcurrencyAllowsEachWithItsOwnSpans() {
        RecordingSuite.meeting = new CountDownLatch(8);

        EngineExecutionResults results = run("8");

        assertThat(passedTests(results)).containsExactlyInAnyOrderElementsOf(allTasks());
        assertThat(RecordingSuite.MOST_IN_FLIGHT.get()).isEqualTo(8);
    }

    @Test
    void runsOneTaskAtATimeWhenTheConcurrencyIsOne() {
        EngineExecutionResults results = run("1");

        assertThat(passedTests(results)).containsExactlyElementsOf(allTasks());
        assertThat(RecordingSuite.MOST_IN_FLIGHT.get()).isEqualTo(1);
    }

    private static EngineExecutionResults run(String concurrency) {
        return evalunit().configurationParameter(Constants.CONCURRENCY_PROPERTY_NAME, concurrency)
                .selectors(selectClass(RecordingSuite.class)).execute();
    }

    private static List<String> allTasks() {
        return IntStream.rangeClosed(1, TASKS).mapToObj(i -> String.format("task-%02d", i)).collect(Collectors.toList());
    }
}
