package dev.evalunit.run;

import dev.evalunit.check.Check;
import dev.evalunit.check.Comparison;
import dev.evalunit.check.Glob;
import dev.evalunit.check.SpanExpectation;
import dev.evalunit.check.WorkspaceChecks;
import dev.evalunit.code.AgentSpec;
import dev.evalunit.code.CodeSpec;
import dev.evalunit.code.ProcessSpec;
import dev.evalunit.code.RunSpec;
import dev.evalunit.model.GenAiAttributes;
import dev.evalunit.model.ModelBinding;
import dev.evalunit.task.Reference;
import dev.evalunit.source.SourcePosition;
import dev.evalunit.task.Task;
import dev.evalunit.task.TaskMessage;
import dev.evalunit.task.ToolCall;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Agent tasks through the runner: the model works in the workspace with tools, within its budgets,
 * and the workspace it leaves is built, run and checked as a whole-file answer is.
 */
class AgentTrialTest {

    private static final String APP = "src/shop/App.java";
    private static final String PLAIN = """
            package shop;

            public class App {
                public static void main(String[] args) {
                    System.out.println("order placed");
                }
            }
            """;
    private static final String TRACED = """
            package shop;

            import io.opentelemetry.api.trace.Tracer;
            import io.opentelemetry.sdk.OpenTelemetrySdk;
            import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;

            public class App {
                public static void main(String[] args) {
                    OpenTelemetrySdk otel = AutoConfiguredOpenTelemetrySdk.initialize().getOpenTelemetrySdk();
                    Tracer tracer = otel.getTracer("shop.app");
                    tracer.spanBuilder("place order").startSpan().end();
                    System.out.println("order placed");
                    otel.close();
                }
            }
            """;

    private final TaskRunner runner = new TaskRunner(Duration.ofMinutes(5), 20);

    private static Task task(AgentSpec agent) {
        CodeSpec code = new CodeSpec(Map.of(APP, PLAIN, "build.txt", "javac src\n"), Optional.of(Map.of(APP, TRACED)),
                new RunSpec(List.of(new ProcessSpec("app", "shop.App", List.of(), Map.of(), Optional.empty())),
                        List.of(), Map.of("OTEL_SERVICE_NAME", "shop"), Optional.of(Duration.ofMinutes(2)), 100_000),
                List.of(), SourcePosition.startOf(URI.create("file:///tasks/agent.yaml"), "agent.yaml"),
                Optional.of(agent));
        List<Check> checks = List.of(
                SpanExpectation.named("place order").count(Comparison.exactly(1)).build(),
                WorkspaceChecks.changedOnly(List.of(new Glob("src/*"))),
                WorkspaceChecks.unchanged(List.of(new Glob("build.txt"))),
                // The conduct recipe: ran the build before finishing.
                SpanExpectation.named("execute_tool finish").after("execute_tool run_command").build());
        Task.Builder task = Task.builder("agent", code.source())
                .tags("test")
                .messages(new TaskMessage(TaskMessage.Role.USER, code.prompt("Trace placing the order.")))
                .checks(checks)
                .code(code);
        Reference.of(code).ifPresent(task::reference);
        return task.build();
    }

    private static AgentSpec budgets(int toolCalls, Duration time, long tokens) {
        return new AgentSpec(OptionalInt.of(toolCalls), Optional.of(time), OptionalLong.of(tokens), AgentSpec.COMMANDS,
                AgentSpec.DEFAULT_MAX_RESULT_CHARS);
    }

    @Test
    void theOracleWritesTheReferenceRunsTheBuildAndFinishesAndPasses() {
        TrialResult result = runner.runTrial(task(AgentSpec.defaults()), ModelBinding.oracle(), 1);

        assertThat(result.failure()).isEmpty();
        assertThat(result.failedChecks()).isEmpty();
        assertThat(result.passed()).isTrue();
        List<SpanData> tools = result.spans().stream().filter(span -> span.getName().startsWith("execute_tool")).toList();
        assertThat(tools).extracting(SpanData::getName).containsExactly("execute_tool write_file",
                "execute_tool run_command", "execute_tool finish");
        assertThat(tools.get(0).getAttributes().get(GenAiAttributes.TOOL_CALL_ARGUMENTS)).contains("\"path\":\"" + APP);
        assertThat(tools.get(1).getAttributes().get(GenAiAttributes.TOOL_CALL_RESULT))
                .startsWith("build passed: every process ran").contains("1 x place order");
    }

    @Test
    void nopFinishesAtOnceAndTheUnchangedWorkspaceFails() {
        TrialResult result = runner.runTrial(task(AgentSpec.defaults()), ModelBinding.nop(), 1);

        assertThat(result.passed()).isFalse();
        assertThat(result.failure()).hasValueSatisfying(failure -> assertThat(failure)
                .startsWith("the run exported no spans"));
        assertThat(result.spans()).noneMatch(span -> span.getName().startsWith("execute_tool"));
    }

    @Test
    void anAgentWithinEveryBudgetIsJudgedOnItsWorkspace() {
        ChatModel model = new Script(0, 10, new ToolCall("write_file", write(APP, TRACED)),
                new ToolCall("run_command", "{\"command\":\"build\"}"), new ToolCall("finish", "{\"summary\":\"traced\"}"));

        TrialResult result = runner.runTrial(task(budgets(3, Duration.ofMinutes(10), 1_000)),
                ModelBinding.of("scripted", model), 1);

        assertThat(result.failure()).isEmpty();
        assertThat(result.passed()).isTrue();
        assertThat(result.output()).isEqualTo("traced");
    }

    @Test
    void spendingTheToolCallBudgetEndsTheTrialSayingSo() {
        ChatModel model = new Script(0, 10, new ToolCall("list_files", "{}"), new ToolCall("list_files", "{}"),
                new ToolCall("list_files", "{}"), new ToolCall("list_files", "{}"));

        TrialResult result = runner.runTrial(task(budgets(3, Duration.ofMinutes(10), 1_000)),
                ModelBinding.of("scripted", model), 1);

        assertThat(result.failure()).hasValue("the agent spent its budget of 3 tool calls (agent.max-tool-calls)"
                + " before it finished; the workspace was not judged");
        assertThat(result.error()).isEmpty();
    }

    @Test
    void spendingTheTokenBudgetEndsTheTrialSayingSo() {
        ChatModel model = new Script(0, 600, new ToolCall("list_files", "{}"), new ToolCall("list_files", "{}"));

        TrialResult result = runner.runTrial(task(budgets(10, Duration.ofMinutes(10), 1_000)),
                ModelBinding.of("scripted", model), 1);

        assertThat(result.failure()).hasValueSatisfying(failure -> assertThat(failure)
                .startsWith("the agent spent its budget of 1000 tokens (agent.max-tokens): its model calls used 1200"));
    }

    @Test
    void spendingTheTimeBudgetEndsTheTrialSayingSo() {
        // Each reply takes 200 ms, so the 50 ms budget is spent by the first tool call, however fast the machine.
        ChatModel model = new Script(200, 10, new ToolCall("list_files", "{}"), new ToolCall("finish", "{}"));

        TrialResult result = runner.runTrial(task(budgets(10, Duration.ofMillis(50), 1_000)),
                ModelBinding.of("scripted", model), 1);

        assertThat(result.failure()).hasValue("the agent spent its budget of time, 50ms (agent.max-time), before it"
                + " finished; the workspace was not judged");
    }

    @Test
    void aUsersOwnAgentGetsTheSameWorkspaceToolsThroughItsContext() {
        TrialResult result = runner.runTrial(task(AgentSpec.defaults()), ModelBinding.of("mine", context -> {
            assertThat(context.tools()).extracting(tool -> tool.name()).contains("read_file", "write_file", "finish");
            String app = context.executeTool("read_file", "{\"path\":\"" + APP + "\"}");
            assertThat(app).isEqualTo(PLAIN);
            context.executeTool("write_file", write(APP, TRACED));
            context.executeTool("run_command", "{\"command\":\"build\"}");
            context.executeTool("finish", "{\"summary\":\"done by hand\"}");
            return context.finished().orElseThrow();
        }), 1);

        assertThat(result.passed()).isTrue();
        assertThat(result.output()).isEqualTo("done by hand");
    }

    @Test
    void aWorkspaceCheckFailsAnAgentThatTouchedWhatItMustLeave() {
        ChatModel model = new Script(0, 10, new ToolCall("write_file", write(APP, TRACED)),
                new ToolCall("edit_file", "{\"path\":\"build.txt\",\"old_text\":\"javac\",\"new_text\":\"rm -rf\"}"),
                new ToolCall("run_command", "{\"command\":\"build\"}"), new ToolCall("finish", "{}"));

        TrialResult result = runner.runTrial(task(AgentSpec.defaults()), ModelBinding.of("scripted", model), 1);

        assertThat(result.failedChecks()).extracting(check -> check.message()).containsExactlyInAnyOrder(
                "changed [build.txt], outside [\"src/*\"]",
                "changed [build.txt], which must stay as they were ([\"build.txt\"])");
    }

    private static String write(String path, String content) {
        return "{\"path\":" + com.fasterxml.jackson.databind.node.TextNode.valueOf(path) + ",\"content\":"
                + com.fasterxml.jackson.databind.node.TextNode.valueOf(content) + "}";
    }

    /** A model that makes the given tool calls one per turn, then answers; each reply takes a while and costs tokens. */
    private static final class Script implements ChatModel {
        private final long delayMillis;
        private final int tokensPerReply;
        private final List<ToolCall> calls;

        Script(long delayMillis, int tokensPerReply, ToolCall... calls) {
            this.delayMillis = delayMillis;
            this.tokensPerReply = tokensPerReply;
            this.calls = List.of(calls);
        }

        @Override
        public ChatResponse chat(ChatRequest request) {
            if (delayMillis > 0) {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            long made = request.messages().stream()
                    .filter(message -> message instanceof AiMessage && ((AiMessage) message).hasToolExecutionRequests())
                    .count();
            AiMessage reply = made < calls.size()
                    ? AiMessage.from(ToolExecutionRequest.builder().id("call_" + made).name(calls.get((int) made).name())
                            .arguments(calls.get((int) made).arguments()).build())
                    : AiMessage.from("done");
            return ChatResponse.builder().aiMessage(reply).modelName("scripted")
                    .tokenUsage(new TokenUsage(tokensPerReply / 2, tokensPerReply - tokensPerReply / 2)).build();
        }
    }
}
