package dev.evalunit.task;

import dev.evalunit.code.CodeSpec;
import org.apiguardian.api.API;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;
import static org.apiguardian.api.API.Status.INTERNAL;

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

    /**
     * @param code a code or agent task's spec
     * @return what the {@code oracle} replays for it: for an agent task, its reference tool calls
     *         (write each reference file, run the build, finish); else the reference files as its
     *         answer; empty when the task has no reference
     */
    @API(status = INTERNAL, since = "0.1.0")
    public static Optional<Reference> of(CodeSpec code) {
        return code.referenceToolCalls()
                .map(calls -> new Reference(calls.stream().map(call -> new ToolCall(call.tool(), call.arguments()))
                        .toList(), ""))
                .or(() -> code.referenceAnswer().map(answer -> new Reference(List.of(), answer)));
    }
}
