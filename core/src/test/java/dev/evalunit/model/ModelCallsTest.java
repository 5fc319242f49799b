package dev.evalunit.model;

import dev.evalunit.check.OutputChecks;
import dev.evalunit.config.Settings;
import dev.evalunit.task.Reference;
import dev.evalunit.source.SourcePosition;
import dev.evalunit.task.Task;
import dev.evalunit.task.TaskMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.evalunit.report.TaskOutcome;
import dev.evalunit.run.TaskResult;
import dev.evalunit.run.TaskRunner;
import dev.langchain4j.data.message.AiMessage;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelCallsTest {

    private static final Task TASK = Task.builder("qa/capital",
                    SourcePosition.startOf(URI.create("file:///capital.yaml"), "capital.yaml"))
            .messages(new TaskMessage(TaskMessage.Role.USER, "Capital of France?"))
            .reference(new Reference(List.of(), "Paris"))
            .checks(OutputChecks.contains("Paris"))
            .build();

    @Test
    void a429InOneTrialSlowsEveryTrialOfTheRun() {
        ModelCalls calls = ModelCalls.fromSettings(settings(Map.of("evalunit.concurrency", "8",
                "evalunit.retries", "0")));
        AtomicInteger attempts = new AtomicInteger();
        ChatModel limited = new ChatModel() {
            @Override
            public ChatResponse chat(ChatRequest request) {
                attempts.incrementAndGet();
                throw new RateLimitException(new HttpException(429, "slow down"));
            }
        };
        ModelBinding model = ModelBinding.of("gpt-test", limited);

        assertThatThrownBy(() -> calls.trial(TASK, 1, model, Duration.ofMinutes(1)).wrap(limited)
                .chat(ChatRequest.builder().messages(UserMessage.from("Capital of France?")).build()))
                .isInstanceOf(ModelCallException.class);

        assertThat(attempts).hasValue(1);
        assertThat(calls.callsAllowed("gpt-test")).isEqualTo(4);
        assertThat(calls.callsAllowed("another-model")).isEqualTo(8);
    }

    @Test
    void aTrialWaitingForAPlaceAmongTheCallsInFlightDoesNotSpendItsTimeout() throws Exception {
        ModelCalls calls = ModelCalls.fromSettings(settings(Map.of("evalunit.concurrency", "1", "evalunit.retries", "0")));
        TaskRunner runner = new TaskRunner(Duration.ofMinutes(1), 5, calls);
        CountDownLatch firstCallOut = new CountDownLatch(1);
        CountDownLatch answerFirst = new CountDownLatch(1);
        AtomicInteger callsMade = new AtomicInteger();
        ChatModel model = new ChatModel() {
            @Override
            public ChatResponse chat(ChatRequest request) {
                if (callsMade.incrementAndGet() == 1) {
                    firstCallOut.countDown();
                    try {
                        answerFirst.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return ChatResponse.builder().aiMessage(AiMessage.from("Paris")).build();
            }
        };
        ModelBinding binding = ModelBinding.of("gpt-test", model);
        Task patient = TASK;
        // Its own time is a few milliseconds; it waits for the one place three times as long as its timeout.
        Task waiting = TASK.toBuilder().timeout(Duration.ofSeconds(2)).build();
        ExecutorService trials = Executors.newFixedThreadPool(2);
        try {
            Future<TaskResult> first = trials.submit(() -> runner.run(patient, binding));
            firstCallOut.await();
            Future<TaskResult> second = trials.submit(() -> runner.run(waiting, binding));
            while (calls.callsWaiting("gpt-test") == 0) {
                Thread.onSpinWait();
            }
            Thread.sleep(6_000);
            answerFirst.countDown();

            assertThat(first.get(1, TimeUnit.MINUTES).outcome()).isEqualTo(TaskOutcome.PASSED);
            TaskResult result = second.get(1, TimeUnit.MINUTES);
            assertThat(result.outcome()).as(result.failureReport()).isEqualTo(TaskOutcome.PASSED);
        } finally {
            trials.shutdownNow();
        }
    }

    @Test
    void leavesTheBuiltInModelsAlone() {
        ModelCalls calls = ModelCalls.defaults();
        ChatModel oracle = new OracleChatModel(TASK.reference().orElseThrow());

        assertThat(calls.trial(TASK, 1, ModelBinding.oracle(), Duration.ofMinutes(1)).wrap(oracle)).isSameAs(oracle);
    }

    @Test
    void aReplayNeedsNoApiKey() {
        Settings replay = settings(Map.of("evalunit.model", "openai", "evalunit.model.name", "gpt-4o",
                "evalunit.cassette", "replay"));
        Settings live = settings(Map.of("evalunit.model", "openai", "evalunit.model.name", "gpt-4o"));

        assertThat(ModelBinding.fromSettings(replay, variable -> null)).isPresent();
        assertThatThrownBy(() -> ModelBinding.fromSettings(live, variable -> null))
                .hasMessageContaining("holds no API key");
    }

    @Test
    void aWrongCassetteModeIsAnErrorNamingTheKeyAndTheModes() {
        assertThatThrownBy(() -> ModelCalls.fromSettings(settings(Map.of("evalunit.cassette", "playback"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Configuration evalunit.cassette=playback is not a cassette mode; use record");
    }

    private static Settings settings(Map<String, String> values) {
        return Settings.from(key -> Optional.ofNullable(values.get(key)));
    }
}
