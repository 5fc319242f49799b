package dev.evalunit.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the {@code statistics} and {@code pairwise} sections of {@code summary.json}. They are
 * derived from the task verdicts, so a reader recomputes them ({@link Summary#statistics()}) rather
 * than reading them back.
 */
final class StatisticsJson {

    /** The drops the summary's plan says the needed tasks and trials for. */
    static final List<Double> PLANNED_DROPS = List.of(0.05, 0.10);

    private StatisticsJson() {
    }

    static void put(ObjectNode summaryNode, Summary summary) {
        ObjectNode statistics = summaryNode.putObject("statistics");
        summary.statistics().forEach((model, ofModel) -> put(statistics.putObject(model), ofModel));
        Map<List<String>, PairedComparison> pairwise = summary.pairwise();
        if (!pairwise.isEmpty()) {
            ArrayNode pairs = summaryNode.putArray("pairwise");
            pairwise.forEach((models, comparison) -> put(pairs.addObject().put("model", models.get(0))
                    .put("against", models.get(1)), comparison));
        }
    }

    private static void put(ObjectNode node, ModelStatistics statistics) {
        node.put("clustering", statistics.clustering());
        node.put("clusters", statistics.clusters());
        statistics.clusteredStandardError().ifPresent(se -> node.put("clusteredStandardError", se));
        statistics.clusteredLow().ifPresent(low -> node.put("clusteredPassRateLow", low));
        statistics.clusteredHigh().ifPresent(high -> node.put("clusteredPassRateHigh", high));
        ObjectNode byTrials = node.putObject("tasksByTrials");
        statistics.tasksByTrials().forEach((trials, count) -> byTrials.put(trials.toString(), count));
        ArrayNode flaky = node.putArray("flaky");
        for (FlakyTask task : statistics.flaky()) {
            flaky.addObject().put("suite", task.key().suite()).put("task", task.key().task())
                    .put("passedTrials", task.passedTrials()).put("trials", task.trials()).put("rate", task.rate())
                    .put("rateLow", task.interval().low()).put("rateHigh", task.interval().high());
        }
        statistics.plan().ifPresent(plan -> put(node.putObject("plan"), plan));
    }

    private static void put(ObjectNode node, PowerPlan plan) {
        node.put("alpha", plan.alpha()).put("power", plan.power()).put("tasks", plan.tasks()).put("trials", plan.trials())
                .put("rate", plan.rate()).put("designEffect", plan.designEffect())
                .put("minimumDetectableDrop", plan.minimumDetectableDrop());
        ObjectNode needed = node.putObject("needed");
        for (double drop : PLANNED_DROPS) {
            needed.putObject(String.format(Locale.ROOT, "%.2f", drop))
                    .put("tasks", plan.tasksFor(drop)).put("trials", plan.trialsFor(drop));
        }
    }

    private static void put(ObjectNode node, PairedComparison comparison) {
        node.put("test", comparison.test().name().toLowerCase(Locale.ROOT));
        node.put("tasks", comparison.tasks()).put("clusters", comparison.clusters());
        node.put("difference", comparison.difference()).put("differenceLow", comparison.low())
                .put("differenceHigh", comparison.high()).put("pValue", comparison.pValue());
        node.put("newlyFailing", comparison.newlyFailing().size()).put("newlyPassing", comparison.newlyPassing().size());
    }
}
