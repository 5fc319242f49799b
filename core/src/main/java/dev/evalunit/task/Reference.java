package dev.evalunit.task;

import org.apiguardian.api.API;

import java.util.List;
import java.util.Objects;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

/**
 * A task's reference solution: what the {@code oracle} model replays through the tool loop to
 * prove the task can be passed.
 *
 * @param toolCalls the tool calls, in order; never {@code null}
 * @param output the final answer; never {@code null}, may be empty
 * @since 0.1.0
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record Reference(List<ToolCall> toolCalls, String output) {

    public Reference {
        toolCalls = List.copyOf(Objects.requireNonNull(toolCalls, "toolCalls"));
        Objects.requireNonNull(output, "output");
    }
}
