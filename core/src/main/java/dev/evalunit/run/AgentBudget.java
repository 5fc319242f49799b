package dev.evalunit.run;

import dev.evalunit.code.AgentSpec;
import dev.evalunit.config.Durations;
import dev.evalunit.model.AgentBudgetSpent;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/** What an agent may spend in one trial: tool calls, time and tokens; each check names the budget it ends. */
final class AgentBudget {

    private final AgentSpec spec;
    private final int maxToolCalls;
    private final Duration trialTimeout;
    private final LongSupplier nanoTime;
    private final long start;
    private final AtomicInteger toolCalls = new AtomicInteger();
    private final AtomicLong tokens = new AtomicLong();

    /**
     * @param maxToolCalls the tool calls allowed when the task sets none ({@code evalunit.max-tool-calls})
     * @param trialTimeout the trial's deadline, which bounds a command when the task sets no {@code max-time}
     * @param nanoTime the trial's clock ({@code ModelCalls.Trial.clock()}: stopped while its calls wait
     *        for a place among the calls in flight), a fake one in tests
     */
    AgentBudget(AgentSpec spec, int maxToolCalls, Duration trialTimeout, LongSupplier nanoTime) {
        this.spec = spec;
        this.maxToolCalls = spec.maxToolCalls().orElse(maxToolCalls);
        this.trialTimeout = trialTimeout;
        this.nanoTime = nanoTime;
        this.start = nanoTime.getAsLong();
    }

    /** Counts a tool call; throws when it is one more than the budget, or the time is spent. */
    void toolCall() {
        int calls = toolCalls.incrementAndGet();
        if (calls > maxToolCalls) {
            throw new AgentBudgetSpent("the agent spent its budget of " + maxToolCalls + " tool calls ("
                    + (spec.maxToolCalls().isPresent() ? "agent.max-tool-calls" : "evalunit.max-tool-calls")
                    + ") before it finished; the workspace was not judged");
        }
        time();
    }

    /** Throws when the agent has worked for its {@code max-time}. */
    void time() {
        if (spec.maxTime().isPresent() && elapsed().compareTo(spec.maxTime().get()) >= 0) {
            throw new AgentBudgetSpent("the agent spent its budget of time, " + Durations.format(spec.maxTime().get())
                    + " (agent.max-time), before it finished; the workspace was not judged");
        }
    }

    /** Adds a reply's tokens; throws when the total passes {@code max-tokens}. */
    void tokens(ChatResponse response) {
        TokenUsage usage = response == null ? null : response.tokenUsage();
        long used = tokens.addAndGet(usage == null || usage.totalTokenCount() == null ? 0 : usage.totalTokenCount());
        if (spec.maxTokens().isPresent() && used > spec.maxTokens().getAsLong()) {
            throw new AgentBudgetSpent("the agent spent its budget of " + spec.maxTokens().getAsLong() + " tokens"
                    + " (agent.max-tokens): its model calls used " + used + " before it finished; the workspace was"
                    + " not judged");
        }
    }

    /** @return how long a command may still take: the rest of max-time, else of the trial's timeout */
    Duration timeLeft() {
        Duration bound = spec.maxTime().orElse(trialTimeout);
        Duration left = bound.minus(elapsed());
        return left.isNegative() ? Duration.ZERO : left;
    }

    private Duration elapsed() {
        return Duration.ofNanos(nanoTime.getAsLong() - start);
    }
}
