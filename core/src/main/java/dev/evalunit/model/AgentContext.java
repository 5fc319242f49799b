package dev.evalunit.model;

import org.apiguardian.api.API;

import dev.evalunit.task.Task;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.ChatModel;
import io.opentelemetry.api.OpenTelemetry;

import java.util.List;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

/**
 * What an {@link Agent} gets for one trial: the task's input, a handle on the task's tools, and
 * the trial's telemetry. Valid only during the call to {@link Agent#answer}.
 *
 * @since 0.1.0
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public interface AgentContext {

    /** @return the task being run */
    Task task();

    /** @return the task's input conversation as LangChain4j messages, system message first when there is one */
    List<ChatMessage> messages();

    /** @return the text of the task's last user message: its prompt */
    String prompt();

    /** @return the task's tools, as LangChain4j describes them to a model */
    List<ToolSpecification> tools();

    /**
     * Runs one of the task's tools, inside an {@code execute_tool} span.
     *
     * <p>A call to a tool the task does not offer returns an error text for the model (and marks
     * the span as an error) rather than throwing: calling a tool that does not exist is the
     * model's mistake, which the task's checks judge.
     *
     * @param request the call as a model made it; never {@code null}
     * @return the tool's result, to send back to the model
     * @throws ToolCallLimitExceeded when the trial has made more tool calls than allowed
     */
    String executeTool(ToolExecutionRequest request);

    /**
     * Convenience for agents that call tools themselves.
     *
     * @param name the tool's name; never {@code null}
     * @param arguments the arguments as a JSON object text; never {@code null}
     * @return the tool's result
     */
    default String executeTool(String name, String arguments) {
        return executeTool(ToolExecutionRequest.builder().name(name).arguments(arguments).build());
    }

    /**
     * For a code task with {@code answer: agent}, the workspace's tools ({@code list_files},
     * {@code read_file}, {@code write_file}, {@code edit_file}, {@code run_command}, {@code finish})
     * are {@link #tools()} and run through {@link #executeTool}; once the agent has called
     * {@code finish} it should return, and the workspace is built and judged as it is.
     *
     * @return the summary the agent gave to {@code finish}; empty until it has called it (and
     *         always for other tasks)
     */
    default java.util.Optional<String> finished() {
        return java.util.Optional.empty();
    }

    /** @return the trial's OpenTelemetry: spans made with it belong to the trial and are checked */
    OpenTelemetry openTelemetry();

    /**
     * @param model a model the agent calls; never {@code null}
     * @return the same model, each call of which makes a {@code chat} span in the trial
     */
    ChatModel traced(ChatModel model);
}
