package dev.evalunit.junit.engine;

import dev.evalunit.report.Prices;
import dev.evalunit.report.TaskRecord;
import dev.evalunit.report.TokenUse;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The summary's token lines: input and output tokens per model and for the run, and with
 * {@code evalunit.prices} what they cost, e.g. {@code EvalUnit tokens [gpt-4o]: 1200 in / 300 out, cost 0.0060};
 * under each model the tasks that used the most, so a user sees where the tokens went.
 */
final class TokenText {

    /** Tasks listed per model; results.jsonl has every trial's tokens. */
    static final int LISTED_TASKS = 5;

    private TokenText() {
    }

    static String of(List<TaskRecord> tasks, Prices prices) {
        Map<String, TokenUse> byModel = TokenUse.byModel(tasks);
        if (byModel.values().stream().allMatch(used -> used.total() == 0)) {
            // Agents that call no model through EvalUnit report no usage: nothing to say.
            return "";
        }
        boolean severalSuites = tasks.stream().map(TaskRecord::suite).distinct().count() > 1;
        StringBuilder text = new StringBuilder();
        TokenUse run = new TokenUse(0, 0);
        double cost = 0;
        boolean allPriced = true;
        for (Map.Entry<String, TokenUse> entry : byModel.entrySet()) {
            TokenUse used = entry.getValue();
            run = run.plus(used);
            OptionalDouble modelCost = prices.cost(entry.getKey(), used.input(), used.output());
            allPriced &= modelCost.isPresent();
            cost += modelCost.orElse(0);
            text.append("EvalUnit tokens [").append(entry.getKey()).append("]: ").append(amount(used));
            modelCost.ifPresent(value -> text.append(", cost ").append(Prices.money(value)));
            text.append('\n');
            text.append(mostUsed(tasks, entry.getKey(), severalSuites));
        }
        if (byModel.size() > 1) {
            text.append("EvalUnit tokens total: ").append(amount(run));
            if (allPriced && !prices.isEmpty()) {
                text.append(", cost ").append(Prices.money(cost));
            }
            text.append('\n');
        }
        return text.toString();
    }

    /**
     * The model's tasks that used the most tokens, most first; none when one task or none used any,
     * since the model's line already says it all then.
     */
    private static String mostUsed(List<TaskRecord> tasks, String model, boolean severalSuites) {
        List<TaskRecord> used = tasks.stream().filter(task -> task.model().equals(model))
                .filter(task -> TokenUse.of(task).total() > 0)
                .sorted(Comparator.comparingLong((TaskRecord task) -> TokenUse.of(task).total()).reversed()
                        .thenComparing(TaskRecord::suite).thenComparing(TaskRecord::task))
                .toList();
        if (used.size() < 2) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        int width = used.stream().limit(LISTED_TASKS).mapToInt(task -> name(task, severalSuites).length()).max()
                .orElse(0);
        used.stream().limit(LISTED_TASKS).forEach(task -> text.append("  ")
                .append(String.format("%-" + width + "s", name(task, severalSuites))).append("  ")
                .append(amount(TokenUse.of(task))).append('\n'));
        if (used.size() > LISTED_TASKS) {
            text.append("  ... and ").append(used.size() - LISTED_TASKS).append(" more tasks in results.jsonl\n");
        }
        return text.toString();
    }

    private static String name(TaskRecord task, boolean severalSuites) {
        return severalSuites ? SummaryText.simpleName(task.suite()) + " " + task.task() : task.task();
    }

    private static String amount(TokenUse used) {
        return used.input() + " in / " + used.output() + " out";
    }
}
