package dev.evalunit.report;

import org.apiguardian.api.API;

import org.apache.commons.statistics.distribution.TDistribution;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * The statistics of one model's run beyond its {@link Figures}: the pass rate's interval allowing for
 * tasks that are not independent, the tasks whose trials disagreed, how many trials the tasks took,
 * and what a comparison with a later run could detect.
 *
 * @param clustering how tasks were clustered, e.g. {@code task file (3 clusters of 12 tasks)} or
 *        {@code none (every task its own cluster)}; never {@code null}
 * @param clusters how many clusters the scored tasks fall in (0 when none was scored)
 * @param clusteredStandardError the clustered standard error of the pass rate; empty with fewer than two clusters
 * @param clusteredLow the lower bound of the pass rate's clustered 95% interval (t with G - 1 degrees of freedom),
 *        at least 0; empty with the standard error
 * @param clusteredHigh the upper bound, at most 1; empty with the standard error
 * @param flaky the tasks whose trials disagreed, least reliable first; never {@code null}
 * @param tasksByTrials trials &rarr; how many scored tasks ran that many; iterates in order of trials
 * @param plan what a paired comparison with this run could detect at level 0.05 and power 0.8; empty when
 *        no task was scored
 * @since 0.1.0
 */
@API(status = INTERNAL, since = "0.1.0")
public record ModelStatistics(
        String clustering,
        int clusters,
        OptionalDouble clusteredStandardError,
        OptionalDouble clusteredLow,
        OptionalDouble clusteredHigh,
        List<FlakyTask> flaky,
        Map<Integer, Integer> tasksByTrials,
        Optional<PowerPlan> plan) {

    /** The level the summary's plan is made for. */
    public static final double PLAN_ALPHA = 0.05;

    /** The power the summary's plan is made for. */
    public static final double PLAN_POWER = 0.8;

    public ModelStatistics {
        Objects.requireNonNull(clustering, "clustering");
        Objects.requireNonNull(clusteredStandardError, "clusteredStandardError");
        Objects.requireNonNull(clusteredLow, "clusteredLow");
        Objects.requireNonNull(clusteredHigh, "clusteredHigh");
        flaky = List.copyOf(Objects.requireNonNull(flaky, "flaky"));
        tasksByTrials = Collections.unmodifiableSortedMap(new TreeMap<>(tasksByTrials));
        Objects.requireNonNull(plan, "plan");
    }

    /**
     * @param verdicts one model's verdicts; never {@code null}
     * @return their statistics
     */
    public static ModelStatistics of(Collection<TaskVerdict> verdicts) {
        List<TaskVerdict> scored = verdicts.stream().filter(TaskVerdict::scored).toList();
        Map<Integer, Integer> byTrials = new TreeMap<>();
        scored.forEach(task -> byTrials.merge(task.trials(), 1, Integer::sum));
        List<FlakyTask> flaky = FlakyTask.among(scored);
        Optional<PowerPlan> plan = PowerPlan.of(scored, PLAN_ALPHA, PLAN_POWER);
        if (scored.isEmpty()) {
            return new ModelStatistics("none (no task scored)", 0, OptionalDouble.empty(), OptionalDouble.empty(),
                    OptionalDouble.empty(), flaky, byTrials, plan);
        }
        List<String> clusterOf = scored.stream().map(TaskVerdict::clusterId).toList();
        int g = ClusteredError.count(clusterOf);
        String clustering = g == scored.size() ? "none (every task its own cluster)"
                : "cluster: key, else task file (" + g + (g == 1 ? " cluster of " : " clusters of ") + scored.size() + " tasks)";
        double[] passed = scored.stream().mapToDouble(task -> task.status() == TaskOutcome.PASSED ? 1 : 0)
                .toArray();
        double se = ClusteredError.ofMean(passed, clusterOf);
        if (Double.isNaN(se)) {
            return new ModelStatistics(clustering, g, OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                    flaky, byTrials, plan);
        }
        double rate = ClusteredError.mean(passed);
        double halfWidth = TDistribution.of(g - 1).inverseSurvivalProbability(0.025) * se;
        return new ModelStatistics(clustering, g, OptionalDouble.of(se), OptionalDouble.of(Math.max(0, rate - halfWidth)),
                OptionalDouble.of(Math.min(1, rate + halfWidth)), flaky, byTrials, plan);
    }
}
