package dev.evalunit.run;

import dev.evalunit.code.AgentSpec;
import dev.evalunit.model.AgentBudgetSpent;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

/** Each budget on a clock the test moves: within it nothing happens, past it the message names it. */
class AgentBudgetTest {

    private final AtomicLong now = new AtomicLong(1_000);

    private AgentBudget budget(OptionalInt calls, Optional<Duration> time, OptionalLong tokens) {
        return new AgentBudget(new AgentSpec(calls, time, tokens, AgentSpec.COMMANDS, 1_000), 5,
                Duration.ofMinutes(5), now::get);
    }

    @Test
    void timeIsSpentOnlyOnceMaxTimeHasPassed() {
        AgentBudget budget = budget(OptionalInt.empty(), Optional.of(Duration.ofSeconds(10)), OptionalLong.empty());

        now.addAndGet(Duration.ofSeconds(9).toNanos());
        assertThatCode(budget::time).doesNotThrowAnyException();
        assertThat(budget.timeLeft()).isEqualTo(Duration.ofSeconds(1));

        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThatThrownBy(budget::time).isInstanceOf(AgentBudgetSpent.class)
                .hasMessage("the agent spent its budget of time, 10s (agent.max-time), before it finished; the"
                        + " workspace was not judged");
        assertThat(budget.timeLeft()).isZero();
    }

    @Test
    void withoutMaxTimeCommandsAreBoundedByTheTrialsTimeout() {
        AgentBudget budget = budget(OptionalInt.empty(), Optional.empty(), OptionalLong.empty());
        now.addAndGet(Duration.ofMinutes(2).toNanos());

        assertThatCode(budget::time).doesNotThrowAnyException();
        assertThat(budget.timeLeft()).isEqualTo(Duration.ofMinutes(3));
    }

    @Test
    void toolCallsFallBackToTheRunsLimitAndNameIt() {
        AgentBudget budget = budget(OptionalInt.empty(), Optional.empty(), OptionalLong.empty());
        for (int i = 0; i < 5; i++) {
            budget.toolCall();
        }

        assertThatThrownBy(budget::toolCall).hasMessageStartingWith("the agent spent its budget of 5 tool calls"
                + " (evalunit.max-tool-calls)");
    }

    @Test
    void tokensAreSummedOverReplies() {
        AgentBudget budget = budget(OptionalInt.empty(), Optional.empty(), OptionalLong.of(100));

        budget.tokens(reply(60));
        assertThatThrownBy(() -> budget.tokens(reply(41))).hasMessageStartingWith("the agent spent its budget of 100"
                + " tokens (agent.max-tokens): its model calls used 101");
    }

    private static ChatResponse reply(int tokens) {
        return ChatResponse.builder().aiMessage(AiMessage.from("x")).tokenUsage(new TokenUsage(tokens, 0)).build();
    }
}
