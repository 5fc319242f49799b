package dev.evalunit.code;

import org.apiguardian.api.API;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.OptionalInt;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * How a code task with {@code answer: agent} is worked on: the model gets tools over a workspace
 * of its own ({@link AgentWorkspace}) instead of answering with whole files, within these budgets.
 *
 * @param maxToolCalls the most tool calls one trial may make, when the task sets it; else
 *        {@code evalunit.max-tool-calls}
 * @param maxTime how long the agent may work (model calls and tools), when the task sets it; else
 *        the trial's timeout is the only bound
 * @param maxTokens the most tokens (input and output, as the model reports them) the trial's model
 *        calls may use, when the task sets it
 * @param commands the commands {@code run_command} accepts, a subset of {@link #COMMANDS}; never {@code null}
 * @param maxResultChars the most characters one tool result holds; longer results are cut with a note
 * @since 0.1.0
 */
@API(status = INTERNAL, since = "0.1.0")
public record AgentSpec(OptionalInt maxToolCalls, Optional<Duration> maxTime, OptionalLong maxTokens,
                        List<String> commands, int maxResultChars) {

    /** Every command there is: compile the workspace; build and run it as the judge does; run one process. */
    public static final List<String> COMMANDS = List.of("compile", "build", "run");

    /** The default of {@link #maxResultChars()}. */
    public static final int DEFAULT_MAX_RESULT_CHARS = 20_000;

    public AgentSpec {
        Objects.requireNonNull(maxToolCalls, "maxToolCalls");
        Objects.requireNonNull(maxTime, "maxTime");
        Objects.requireNonNull(maxTokens, "maxTokens");
        commands = List.copyOf(Objects.requireNonNull(commands, "commands"));
        if (!COMMANDS.containsAll(commands)) {
            throw new IllegalArgumentException("unknown command among " + commands + "; known: " + COMMANDS);
        }
        if (maxResultChars < 100) {
            throw new IllegalArgumentException("maxResultChars must be at least 100: " + maxResultChars);
        }
    }

    /** @return an agent spec with every command and no budget of its own */
    public static AgentSpec defaults() {
        return new AgentSpec(OptionalInt.empty(), Optional.empty(), OptionalLong.empty(), COMMANDS,
                DEFAULT_MAX_RESULT_CHARS);
    }
}
