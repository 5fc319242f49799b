package dev.evalunit.task;

import org.apiguardian.api.API;

import java.util.Objects;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

/**
 * One tool call of a task's reference solution.
 *
 * @param name the tool called; never {@code null}
 * @param arguments the arguments as a JSON object text; never {@code null}
 * @since 0.1.0
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record ToolCall(String name, String arguments) {

    public ToolCall {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(arguments, "arguments");
    }
}
