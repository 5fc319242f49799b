package dev.evalunit.run;

import dev.evalunit.code.AgentWorkspace;
import dev.evalunit.model.AgentContext;
import dev.evalunit.model.BudgetedChatModel;
import dev.evalunit.model.GenAiAttributes;
import dev.evalunit.model.ModelCalls;
import dev.evalunit.model.ToolCallLimitExceeded;
import dev.evalunit.model.TracedChatModel;
import dev.evalunit.task.Task;
import dev.evalunit.task.TaskMessage;
import dev.evalunit.task.ToolFixture;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/** The {@link AgentContext} of one trial: the task's input, its tool fixtures, and the trial's spans. */
final class TrialContext implements AgentContext {

    private final Task task;
    private final TrialSpans spans;
    private final int maxToolCalls;
    private final List<ChatMessage> messages;
    private final List<ToolSpecification> tools;
    private final AtomicInteger toolCalls = new AtomicInteger();
    private final ModelCalls.Trial modelCalls;

    private final Optional<AgentWorkspace> workspace;
    private final Optional<AgentBudget> budget;

    TrialContext(Task task, TrialSpans spans, int maxToolCalls, ModelCalls.Trial modelCalls) {
        this(task, spans, maxToolCalls, modelCalls, Optional.empty(), Optional.empty());
    }

    /**
     * @param workspace for an agent task: the workspace whose tools this trial offers instead of the task's
     * @param budget for an agent task: its budgets, which replace {@code maxToolCalls}
     */
    TrialContext(Task task, TrialSpans spans, int maxToolCalls, ModelCalls.Trial modelCalls,
                 Optional<AgentWorkspace> workspace, Optional<AgentBudget> budget) {
        this.task = task;
        this.spans = spans;
        this.maxToolCalls = maxToolCalls;
        this.modelCalls = modelCalls;
        this.messages = List.copyOf(toChatMessages(task.messages()));
        this.workspace = workspace;
        this.budget = budget;
        this.tools = workspace.map(AgentWorkspace::tools).orElseGet(() -> task.tools().stream()
                .map(ToolFixture::specification).collect(Collectors.toUnmodifiableList()));
    }

    private static List<ChatMessage> toChatMessages(List<TaskMessage> taskMessages) {
        List<ChatMessage> result = new ArrayList<>();
        for (TaskMessage message : taskMessages) {
            switch (message.role()) {
                case SYSTEM: result.add(SystemMessage.from(message.content())); break;
                case USER: result.add(UserMessage.from(message.content())); break;
                default: result.add(AiMessage.from(message.content())); break;
            }
        }
        return result;
    }

    @Override
    public Task task() {
        return task;
    }

    @Override
    public List<ChatMessage> messages() {
        return messages;
    }

    @Override
    public String prompt() {
        for (int i = task.messages().size() - 1; i >= 0; i--) {
            if (task.messages().get(i).role() == TaskMessage.Role.USER) {
                return task.messages().get(i).content();
            }
        }
        return "";
    }

    @Override
    public List<ToolSpecification> tools() {
        return tools;
    }

    @Override
    public String executeTool(ToolExecutionRequest request) {
        if (budget.isPresent()) {
            budget.get().toolCall();
        } else if (toolCalls.incrementAndGet() > maxToolCalls) {
            throw new ToolCallLimitExceeded(maxToolCalls);
        }
        String name = request.name() == null ? "" : request.name();
        String arguments = request.arguments() == null ? "" : request.arguments();
        Tracer tracer = spans.tracer();
        Span span = tracer.spanBuilder(GenAiAttributes.OPERATION_EXECUTE_TOOL + " " + name)
                .setSpanKind(SpanKind.INTERNAL)
                .setAttribute(GenAiAttributes.OPERATION_NAME, GenAiAttributes.OPERATION_EXECUTE_TOOL)
                .setAttribute(GenAiAttributes.TOOL_NAME, name)
                .setAttribute(GenAiAttributes.TOOL_CALL_ARGUMENTS, arguments)
                .startSpan();
        try {
            if (request.id() != null) {
                span.setAttribute(GenAiAttributes.TOOL_CALL_ID, request.id());
            }
            Optional<ToolFixture> fixture = task.tool(name);
            String result;
            if (workspace.isPresent()) {
                AgentWorkspace.Result outcome = workspace.get().execute(name, arguments, budget.get().timeLeft());
                result = outcome.text();
                outcome.errorType().ifPresent(type -> {
                    span.setStatus(StatusCode.ERROR, type);
                    span.setAttribute(GenAiAttributes.ERROR_TYPE, type);
                });
            } else if (fixture.isPresent()) {
                result = fixture.get().result();
            } else {
                result = "Error: there is no tool named \"" + name + "\". Available tools: "
                        + task.tools().stream().map(ToolFixture::name).collect(Collectors.joining(", "));
                span.setStatus(StatusCode.ERROR, "unknown tool");
                span.setAttribute(GenAiAttributes.ERROR_TYPE, "tool_not_found");
            }
            span.setAttribute(GenAiAttributes.TOOL_CALL_RESULT, result);
            return result;
        } finally {
            span.end();
        }
    }

    @Override
    public Optional<String> finished() {
        return workspace.flatMap(AgentWorkspace::finished);
    }

    @Override
    public OpenTelemetry openTelemetry() {
        return spans.openTelemetry();
    }

    @Override
    public ChatModel traced(ChatModel model) {
        // One chat span per call, however many attempts the retries make beneath it.
        ChatModel traced = TracedChatModel.wrap(modelCalls.wrap(model), spans.tracer());
        return budget.<ChatModel>map(spent -> BudgetedChatModel.wrap(traced, spent::time, spent::tokens))
                .orElse(traced);
    }
}
