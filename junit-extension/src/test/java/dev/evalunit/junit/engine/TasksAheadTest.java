package dev.evalunit.junit.engine;

import dev.evalunit.config.Constants;
import dev.evalunit.junit.EvalSuite;
import dev.evalunit.junit.ModelUnderTest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.evalunit.junit.engine.EngineRuns.evalunit;
import static dev.evalunit.junit.engine.EngineRuns.passedTests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * With a chat model under test, the engine keeps more tasks under way than calls in flight: while
 * evalunit.concurrency calls are out, the next tasks are prepared and wait at the call limit with
 * their requests, so the endpoint never waits for a trial's checks. The calls in flight still never
 * exceed evalunit.concurrency. engine/ahead holds eight one-call tasks.
 */
class TasksAheadTest {

    private static final int CONCURRENCY = 2;
    /** One task ahead for each call in flight. */
    private static final int AHEAD = CONCURRENCY;

    @EvalSuite("engine/ahead")
    static class ChatModelSuite {

        static final AtomicInteger IN_FLIGHT = new AtomicInteger();
        static final AtomicInteger MOST_IN_FLIGHT = new AtomicInteger();
        /** Set when, with every call slot taken, the tasks ahead were seen waiting for one. */
        static final AtomicBoolean SAW_TASKS_WAITING = new AtomicBoolean();
        static final AtomicInteger MOST_WAITING = new AtomicInteger();
        static volatile CountDownLatch meeting = new CountDownLatch(CONCURRENCY);

        @ModelUnderTest
        static ChatModel model() {
            return new ChatModel() {
                @Override
                public ChatResponse chat(ChatRequest request) {
                    MOST_IN_FLIGHT.accumulateAndGet(IN_FLIGHT.incrementAndGet(), Math::max);
                    try {
                        // The first calls meet here, so that every call slot is taken at once; then they are
                        // held until the tasks ahead queue up at the call limit. Safety nets of 30 s, after
                        // which the test fails below.
                        meeting.countDown();
                        meeting.await(30, TimeUnit.SECONDS);
                        long giveUp = System.nanoTime() + 30_000_000_000L;
                        while (!SAW_TASKS_WAITING.get() && System.nanoTime() < giveUp) {
                            int waiting = waitingForACall();
                            MOST_WAITING.accumulateAndGet(waiting, Math::max);
                            if (waiting >= AHEAD) {
                                SAW_TASKS_WAITING.set(true);
                            }
                            Thread.onSpinWait();
                        }
                        return ChatResponse.builder().aiMessage(AiMessage.from("ok")).build();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    } finally {
                        IN_FLIGHT.decrementAndGet();
                    }
                }
            };
        }
    }

    @BeforeEach
    void reset() {
        ChatModelSuite.IN_FLIGHT.set(0);
        ChatModelSuite.MOST_IN_FLIGHT.set(0);
        ChatModelSuite.MOST_WAITING.set(0);
        ChatModelSuite.SAW_TASKS_WAITING.set(false);
        ChatModelSuite.meeting = new CountDownLatch(CONCURRENCY);
    }

    @Test
    void keepsTasksAheadWaitingAtTheCallLimitAndNeverMoreCallsInFlightThanTheConcurrency() {
        EngineExecutionResults results = evalunit()
                .configurationParameter(Constants.CONCURRENCY_PROPERTY_NAME, String.valueOf(CONCURRENCY))
                .selectors(selectClass(ChatModelSuite.class)).execute();

        assertThat(passedTests(results)).hasSize(8);
        assertThat(ChatModelSuite.SAW_TASKS_WAITING).as("tasks ahead waiting (most seen: %s, wanted %s)",
                ChatModelSuite.MOST_WAITING.get(), AHEAD).isTrue();
        assertThat(ChatModelSuite.MOST_WAITING.get()).isLessThanOrEqualTo(AHEAD);
        assertThat(ChatModelSuite.MOST_IN_FLIGHT.get()).isEqualTo(CONCURRENCY);
    }

    /** @return the threads waiting for a call slot of the run's adaptive call limit */
    private static int waitingForACall() {
        return (int) Thread.getAllStackTraces().entrySet().stream()
                .filter(entry -> entry.getKey().getState() == Thread.State.WAITING)
                .filter(entry -> Arrays.stream(entry.getValue()).anyMatch(frame ->
                        frame.getClassName().equals("dev.evalunit.model.AdaptiveCallLimit")
                                && frame.getMethodName().equals("acquire")))
                .count();
    }
}
