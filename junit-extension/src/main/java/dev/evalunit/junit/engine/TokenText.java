package dev.evalunit.junit.engine;

import dev.evalunit.report.TaskRecord;
import dev.evalunit.report.TrialRecord;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The summary's token lines: input and output tokens per model and for the run, and with
 * {@code evalunit.prices} what they cost, e.g. {@code EvalUnit tokens [gpt-4o]: 1200 in / 300 out, cost 0.0060}.
 */
final class TokenText {

    private TokenText() {
    }

    static String of(List<TaskRecord> tasks, Prices prices) {
        Map<String, long[]> byModel = new TreeMap<>();
        for (TaskRecord task : tasks) {
            long[] used = byModel.computeIfAbsent(task.model(), model -> new long[2]);
            for (TrialRecord trial : task.trials()) {
                used[0] += trial.inputTokens();
                used[1] += trial.outputTokens();
            }
        }
        if (byModel.values().stream().allMatch(used -> used[0] == 0 && used[1] == 0)) {
            // Agents that call no model through EvalUnit report no usage: nothing to say.
            return "";
        }
        StringBuilder text = new StringBuilder();
        long input = 0;
        long output = 0;
        double cost = 0;
        boolean allPriced = true;
        for (Map.Entry<String, long[]> entry : byModel.entrySet()) {
            long[] used = entry.getValue();
            input += used[0];
            output += used[1];
            OptionalDouble modelCost = prices.cost(entry.getKey(), used[0], used[1]);
            allPriced &= modelCost.isPresent();
            cost += modelCost.orElse(0);
            text.append("EvalUnit tokens [").append(entry.getKey()).append("]: ").append(used[0]).append(" in / ")
                    .append(used[1]).append(" out");
            modelCost.ifPresent(value -> text.append(", cost ").append(Prices.money(value)));
            text.append('\n');
        }
        if (byModel.size() > 1) {
            text.append("EvalUnit tokens total: ").append(input).append(" in / ").append(output).append(" out");
            if (allPriced && !prices.isEmpty()) {
                text.append(", cost ").append(Prices.money(cost));
            }
            text.append('\n');
        }
        return text.toString();
    }
}
