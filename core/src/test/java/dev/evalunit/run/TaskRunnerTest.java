package dev.evalunit.run;

import dev.evalunit.check.Check;
import dev.evalunit.check.Comparison;
import dev.evalunit.check.OutputChecks;
import dev.evalunit.check.SpanExpectation;
import dev.evalunit.config.Settings;
import dev.evalunit.model.Agent;
import dev.evalunit.model.GenAiAttributes;
import dev.evalunit.model.ModelBinding;
import dev.evalunit.task.PassPolicy;
import dev.evalunit.task.Task;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import dev.evalunit.report.TaskOutcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaskRunnerTest {

    private final TaskRunner runner = new TaskRunner(Duration.ofSeconds(30), 5);

    private static final List<Check> LOOK_THEN_ANSWER = List.of(
            OutputChecks.contains("OOMKilled"),
            SpanExpectation.named("execute_tool get_pod_events").index(0)
                    .attribute("gen_ai.tool.call.arguments", dev.evalunit.check.AttributeCondition.contains("checkout"))
                    .parent("invoke_agent *")
                    .build(),
            SpanExpectation.named("chat oracle").index(1).count(Comparison.exactly(2)).build());

    @Test
    void oraclePassesItsOwnReferenceWithRealSpans() {
        Task task = Tasks.task("tools/oom", LOOK_THEN_ANSWER, Optional.of(Tasks.lookThenAnswer()), 1, PassPolicy.ALL,
                Optional.empty());

        TaskResult result = runner.run(task, ModelBinding.oracle());

        assertThat(result.outcome()).as(result.failureReport()).isEqualTo(TaskOutcome.PASSED);
        List<SpanData> spans = result.trials().get(0).spans();
        assertThat(spans).extracting(SpanData::getName)
                .containsExactlyInAnyOrder("chat oracle", "execute_tool get_pod_events", "chat oracle", "invoke_agent oracle");
        SpanData chat = spans.stream().filter(span -> span.getName().startsWith("chat")).findFirst().orElseThrow();
        assertThat(chat.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(chat.getAttributes().get(GenAiAttributes.PROVIDER_NAME)).isEqualTo("evalunit");
        assertThat(chat.getAttributes().get(GenAiAttributes.USAGE_INPUT_TOKENS)).isPositive();
        assertThat(chat.getAttributes().get(GenAiAttributes.RESPONSE_FINISH_REASONS)).containsExactly("tool_calls");
        SpanData tool = spans.stream().filter(span -> span.getName().startsWith("execute_tool")).findFirst().orElseThrow();
        assertThat(tool.getAttributes().get(GenAiAttributes.TOOL_CALL_RESULT)).contains("OOMKilled");
        assertThat(tool.getAttributes().get(GenAiAttributes.TOOL_CALL_ID)).isEqualTo("call_1");
    }

    @Test
    void nopFailsAndTheReportListsEveryFailedCheck() {
        Task task = Tasks.task("tools/oom", LOOK_THEN_ANSWER);

        TaskResult result = runner.run(task, ModelBinding.nop());

        assertThat(result.outcome()).isEqualTo(TaskOutcome.FAILED);
        assertThat(result.failureReport())
                .startsWith("tools/oom [nop]: 0 of 1 trial passed (pass: all)")
                .contains("output: expected to contain \"OOMKilled\", was \"\"")
                .contains("spans[0] \"execute_tool get_pod_events\": expected count >= 1, found 0")
                .contains("spans[1] \"chat oracle\": expected count 2, found 0");
    }

    @Test
    void oracleWithoutReferenceIsAnErrorNotAFailure() {
        TaskResult result = runner.run(Tasks.task("no/reference", LOOK_THEN_ANSWER), ModelBinding.oracle());

        assertThat(result.outcome()).isEqualTo(TaskOutcome.ERROR);
        assertThat(result.errorReport()).contains("has no reference").contains("no/reference.yaml:1:1");
    }

    @Test
    void anAgentThatThrowsIsAnError() {
        ModelBinding broken = ModelBinding.of("broken", (Agent) context -> {
            throw new IllegalStateException("endpoint answered 503");
        });

        TaskResult result = runner.run(Tasks.task("t", LOOK_THEN_ANSWER), broken);

        assertThat(result.outcome()).isEqualTo(TaskOutcome.ERROR);
        assertThat(result.errorReport()).isEqualTo("t [broken] could not be scored: IllegalStateException: endpoint answered 503");
    }

    @Test
    void aTrialPastItsDeadlineFailsWithTheSpansItMadeSoFar() {
        ModelBinding hung = ModelBinding.of("hung", (Agent) context -> {
            context.executeTool("get_pod_events", "{}");
            new CountDownLatch(1).await();
            return "never";
        });
        Task task = Tasks.task("slow", LOOK_THEN_ANSWER, Optional.empty(), 1, PassPolicy.ALL,
                Optional.of(Duration.ofMillis(300)));

        TaskResult result = runner.run(task, hung);

        assertThat(result.outcome()).isEqualTo(TaskOutcome.FAILED);
        assertThat(result.failureReport()).contains("timed out after 300ms");
        assertThat(result.trials().get(0).spans()).extracting(SpanData::getName)
                .contains("execute_tool get_pod_events", "invoke_agent hung");
    }

    @Test
    void theWaitForAnAnswerDoesNotEndWhileTheTrialsClockIsStopped() throws Exception {
        java.util.concurrent.CompletableFuture<String> answer = new java.util.concurrent.CompletableFuture<>();
        // Answered after three times the timeout in real time, all of it with the trial's clock stopped.
        java.util.concurrent.CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS)
                .execute(() -> answer.complete("late but within the trial's own time"));

        long frozenLeft = Duration.ofMillis(100).toNanos();
        assertThat(TaskRunner.awaitAnswer(answer, Duration.ofMillis(100), () -> frozenLeft))
                .isEqualTo("late but within the trial's own time");
    }

    @Test
    void theWaitForAnAnswerEndsOnceTheTrialHasHadItsTimeout() {
        long deadline = System.nanoTime() + Duration.ofMillis(100).toNanos();
        assertThatThrownBy(() -> TaskRunner.awaitAnswer(new java.util.concurrent.CompletableFuture<String>(),
                Duration.ofMillis(100), () -> deadline - System.nanoTime())).isInstanceOf(java.util.concurrent.TimeoutException.class)
                .hasMessageContaining("100ms");
    }

    @Test
    void aModelThatLoopsOnToolsFailsAtTheLimit() {
        ChatModel looping = new ChatModel() {
            @Override
            public ChatResponse chat(ChatRequest request) {
                return ChatResponse.builder().aiMessage(AiMessage.from(ToolExecutionRequest.builder()
                        .id("x").name("get_pod_events").arguments("{}").build())).build();
            }
        };

        TaskResult result = runner.run(Tasks.task("loop", LOOK_THEN_ANSWER), ModelBinding.of("looping", looping));

        assertThat(result.outcome()).isEqualTo(TaskOutcome.FAILED);
        assertThat(result.failureReport()).contains("made more than 5 tool calls");
    }

    @Test
    void aCallToAnUnknownToolIsTheModelsMistakeNotAnError() {
        ModelBinding agent = ModelBinding.of("guesser", (Agent) context ->
                context.executeTool("delete_pod", "{\"pod\":\"checkout\"}"));
        Check noDelete = SpanExpectation.named("execute_tool delete_*").index(0).count(Comparison.exactly(0)).build();

        TaskResult result = runner.run(Tasks.task("unknown-tool", List.of(noDelete)), agent);

        assertThat(result.outcome()).isEqualTo(TaskOutcome.FAILED);
        assertThat(result.failureReport())
                .contains("spans[0] \"execute_tool delete_*\": expected count 0, found 1 (execute_tool delete_pod {\"pod\":\"checkout\"})");
        assertThat(result.trials().get(0).output()).startsWith("Error: there is no tool named \"delete_pod\"");
    }

    @Test
    void passPolicyDecidesOverSeveralTrials() {
        ModelBinding flaky = alternating();
        List<Check> checks = List.of(OutputChecks.contains("OOMKilled"));

        TaskResult any = runner.run(Tasks.task("t", checks, Optional.empty(), 2, PassPolicy.ANY, Optional.empty()), flaky);
        TaskResult all = runner.run(Tasks.task("t", checks, Optional.empty(), 2, PassPolicy.ALL, Optional.empty()), flaky);

        assertThat(any.passedTrials()).isEqualTo(1);
        assertThat(any.outcome()).isEqualTo(TaskOutcome.PASSED);
        assertThat(all.outcome()).isEqualTo(TaskOutcome.FAILED);
        assertThat(all.failureReport()).contains("1 of 2 trials passed (pass: all)").contains("trial 2:");
    }

    /** @return an agent that answers right, then wrong, then right... */
    private static ModelBinding alternating() {
        int[] calls = {0};
        return ModelBinding.of("flaky", (Agent) context -> {
            synchronized (calls) {
                return ++calls[0] % 2 == 1 ? "OOMKilled" : "no idea";
            }
        });
    }

    @Test
    void anAdaptivePolicyAddsTrialsWhileUndecidedAndRecordsEach() {
        ModelBinding flaky = alternating();
        ModelBinding steady = ModelBinding.of("steady", (Agent) context -> "no idea");
        List<Check> checks = List.of(OutputChecks.contains("OOMKilled"));
        Task task = Tasks.task("t", checks, Optional.empty(), 2, PassPolicy.adaptive(0.5, 6), Optional.empty());

        TaskResult undecided = runner.run(task, flaky);
        TaskResult decided = runner.run(task, steady);

        // 1 of 2, 2 of 4, 3 of 6 passed: never far from 50%, so it runs to the cap of 6
        assertThat(undecided.trials()).extracting(TrialResult::trial).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(undecided.outcome()).isEqualTo(TaskOutcome.PASSED);
        // 0 of 2 (p = 0.5) and 0 of 4 (p = 0.125) leave 50% open; 0 of 5 (p = 0.0625) too; 0 of 6 (p = 0.031) decides
        assertThat(decided.trials()).hasSize(6);
        assertThat(runner.run(Tasks.task("t", checks, Optional.empty(), 2, PassPolicy.adaptive(0.9, 20), Optional.empty()),
                steady).trials()).as("0 of 2 is not 90%: p = 0.01").hasSize(2);
        assertThat(decided.outcome()).isEqualTo(TaskOutcome.FAILED);
    }

    @Test
    void theAgentsOwnSpansBelongToTheTrial() {
        ModelBinding agent = ModelBinding.of("instrumented", (Agent) context -> {
            Span span = context.openTelemetry().getTracer("my-rag").spanBuilder("retrieve").startSpan();
            span.end();
            return "OOMKilled";
        });
        Check retrieve = SpanExpectation.named("retrieve").index(0).parent("invoke_agent instrumented").build();

        TaskResult result = runner.run(Tasks.task("own-spans", List.of(retrieve)), agent);

        assertThat(result.outcome()).as(result.failureReport()).isEqualTo(TaskOutcome.PASSED);
    }

    @Test
    void trialsRunningAtTheSameTimeNeverSeeEachOthersSpans() throws Exception {
        int trials = 16;
        CountDownLatch allStarted = new CountDownLatch(trials);
        ModelBinding agent = ModelBinding.of("concurrent", (Agent) context -> {
            String mine = context.task().id();
            Span span = context.openTelemetry().getTracer("t").spanBuilder("work " + mine).startSpan();
            allStarted.countDown();
            allStarted.await(10, TimeUnit.SECONDS);
            context.executeTool("get_pod_events", "{\"pod\":\"" + mine + "\"}");
            span.end();
            return mine;
        });
        ExecutorService pool = Executors.newFixedThreadPool(trials);
        try {
            List<Future<TaskResult>> futures = new ArrayList<>();
            for (int i = 0; i < trials; i++) {
                Task task = Tasks.task("task-" + i, List.of(OutputChecks.contains("task-" + i)));
                futures.add(pool.submit(() -> runner.run(task, agent)));
            }
            for (Future<TaskResult> future : futures) {
                TaskResult result = future.get(30, TimeUnit.SECONDS);
                String id = result.task().id();
                List<SpanData> spans = result.trials().get(0).spans();
                assertThat(spans).extracting(SpanData::getName)
                        .containsExactlyInAnyOrder("work " + id, "execute_tool get_pod_events", "invoke_agent concurrent");
                assertThat(spans.stream().map(SpanData::getTraceId).collect(Collectors.toSet())).hasSize(1);
                SpanData tool = spans.stream().filter(s -> s.getName().startsWith("execute_tool")).findFirst().orElseThrow();
                assertThat(tool.getAttributes().get(GenAiAttributes.TOOL_CALL_ARGUMENTS)).contains(id + "\"");
            }
            Set<String> traceIds = new java.util.HashSet<>();
            for (Future<TaskResult> future : futures) {
                traceIds.add(future.get().trials().get(0).spans().get(0).getTraceId());
            }
            assertThat(traceIds).hasSize(trials);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailingModelCallIsAnErrorNamingTheCallAndEveryCause() {
        ChatModel refusing = new ChatModel() {
            @Override
            public ChatResponse chat(ChatRequest request) {
                throw new RuntimeException(new java.net.ConnectException());
            }
        };

        TaskRunner quickRetries = TaskRunner.fromSettings(Settings.from(
                key -> Optional.ofNullable(Map.of("evalunit.retries", "2", "evalunit.retries.backoff", "1ms").get(key))));

        TaskResult result = quickRetries.run(Tasks.task("down", LOOK_THEN_ANSWER), ModelBinding.of("local", refusing));

        assertThat(result.outcome()).isEqualTo(TaskOutcome.ERROR);
        assertThat(result.errorReport()).isEqualTo("down [local] could not be scored: ModelCallException: model call 1"
                + " to local failed: gave up after 3 attempts (evalunit.retries=2); the endpoint answered: connection"
                + " refused (every attempt), caused by ConnectException");
    }

    @Test
    void retriesATransientFaultWithinOneChatSpanThatRecordsTheRetry() {
        java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();
        ChatModel flaky = new ChatModel() {
            @Override
            public ChatResponse chat(ChatRequest request) {
                if (attempts.incrementAndGet() == 1) {
                    throw new dev.langchain4j.exception.InternalServerException(
                            new dev.langchain4j.exception.HttpException(503, "overloaded"));
                }
                return ChatResponse.builder().aiMessage(AiMessage.from("It was OOMKilled.")).build();
            }
        };
        TaskRunner quickRetries = TaskRunner.fromSettings(Settings.from(
                key -> Optional.ofNullable(Map.of("evalunit.retries.backoff", "1ms").get(key))));

        TaskResult result = quickRetries.run(Tasks.task("flaky", List.of(OutputChecks.contains("OOMKilled"),
                SpanExpectation.named("chat *").count(Comparison.exactly(1)).build())), ModelBinding.of("local", flaky));

        assertThat(result.outcome()).as(result.failureReport()).isEqualTo(TaskOutcome.PASSED);
        assertThat(attempts).hasValue(2);
        SpanData chat = result.trials().get(0).spans().stream().filter(span -> span.getName().startsWith("chat"))
                .findFirst().orElseThrow();
        assertThat(chat.getEvents()).singleElement().satisfies(event -> {
            assertThat(event.getName()).isEqualTo("evalunit.retry");
            assertThat(event.getAttributes().get(io.opentelemetry.api.common.AttributeKey.stringKey(
                    "evalunit.endpoint.answer"))).isEqualTo("HTTP 503");
        });
    }

    @Test
    void aBadRetriesValueIsAnErrorNamingTheKey() {
        Settings settings = Settings.from(key -> Optional.ofNullable(Map.of("evalunit.retries", "-1").get(key)));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TaskRunner.fromSettings(settings))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Configuration evalunit.retries=-1 is not a number of retries");
    }
}
