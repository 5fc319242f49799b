package dev.evalunit.junit.engine;

import dev.evalunit.config.Constants;
import dev.evalunit.report.Prices;
import dev.evalunit.report.TaskRecord;
import dev.evalunit.report.TrialRecord;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * What a run may spend: {@code evalunit.max-tokens} and {@code evalunit.max-cost}. Tasks already
 * running finish (their tokens are spent already); once the budget is spent no new task starts,
 * and the summary says so. Thread-safe.
 */
final class Budget {

    private final OptionalLong maxTokens;
    private final OptionalDouble maxCost;
    private final Prices prices;
    private long tokens;
    private double cost;
    private int notStarted;

    Budget(OptionalLong maxTokens, OptionalDouble maxCost, Prices prices) {
        this.maxTokens = maxTokens;
        this.maxCost = maxCost;
        this.prices = prices;
        if (maxCost.isPresent() && prices.isEmpty()) {
            throw new IllegalArgumentException(Constants.MAX_COST_PROPERTY_NAME + " needs prices to count a cost: set "
                    + Constants.PRICES_PROPERTY_NAME + ", e.g. gpt-4o=2.50/10.00 (per million input/output tokens)");
        }
    }

    static Budget unlimited() {
        return new Budget(OptionalLong.empty(), OptionalDouble.empty(), Prices.none());
    }

    synchronized void spend(TaskRecord task) {
        for (TrialRecord trial : task.trials()) {
            tokens += trial.inputTokens() + trial.outputTokens();
            cost += prices.cost(task.model(), trial.inputTokens(), trial.outputTokens()).orElse(0);
        }
    }

    /** @return why no new task may start, when the budget is spent; counts the task turned away */
    synchronized Optional<String> refuse() {
        Optional<String> spent = spent();
        if (spent.isPresent()) {
            notStarted++;
        }
        return spent;
    }

    private Optional<String> spent() {
        if (maxTokens.isPresent() && tokens >= maxTokens.getAsLong()) {
            return Optional.of("the token budget is spent: " + tokens + " tokens used, " + Constants.MAX_TOKENS_PROPERTY_NAME
                    + "=" + maxTokens.getAsLong());
        }
        if (maxCost.isPresent() && cost >= maxCost.getAsDouble()) {
            return Optional.of("the cost budget is spent: " + Prices.money(cost) + " spent, " + Constants.MAX_COST_PROPERTY_NAME
                    + "=" + maxCost.getAsDouble());
        }
        return Optional.empty();
    }

    /** @return the line the summary ends with when tasks were turned away */
    synchronized Optional<String> cutShort() {
        return notStarted == 0 ? Optional.empty() : Optional.of("EvalUnit run cut short: " + spent().orElse("budget spent")
                + "; " + notStarted + (notStarted == 1 ? " task was" : " tasks were") + " not started (skipped)");
    }
}
