package dev.evalunit.report;

import org.apiguardian.api.API;

import org.apache.commons.statistics.distribution.NormalDistribution;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * What a paired comparison of a suite this size can detect: the smallest drop in pass rate found
 * with the given power at the given level, and the tasks or trials a given drop would need.
 *
 * <p>The plan is for the paired test of {@link PairedComparison} under a normal approximation, with
 * a conservative variance: each trial a coin with the pooled trial pass rate taken at the end of its
 * 95% Wilson interval nearest 1/2 (so that a suite that passed everything is not planned as if it
 * could detect any drop), the two runs independent given the task, and the clustering's design
 * effect. Formulas are in {@code docs/results-format.md}.
 *
 * @param tasks scored tasks
 * @param trials the harmonic mean of trials per task
 * @param rate the pooled share of passed trials
 * @param alpha the two-sided level of the test
 * @param power the chance of detecting the drop, e.g. 0.8
 * @param taskSd the planned standard deviation of one task's paired difference
 * @param designEffect the clustering's variance inflation, at least 1
 * @param minimumDetectableDrop the smallest drop detected with {@code power}; may exceed 1, meaning no drop can be
 * @since 0.1.0
 */
@API(status = INTERNAL, since = "0.1.0")
public record PowerPlan(int tasks, double trials, double rate, double alpha, double power, double taskSd,
        double designEffect, double minimumDetectableDrop) {

    private static final NormalDistribution NORMAL = NormalDistribution.of(0, 1);

    public PowerPlan {
        if (tasks < 1 || !(alpha > 0 && alpha < 1) || !(power > 0 && power < 1) || !(designEffect >= 1)) {
            throw new IllegalArgumentException("need tasks >= 1, alpha and power in (0, 1), designEffect >= 1: "
                    + tasks + ", " + alpha + ", " + power + ", " + designEffect);
        }
    }

    /**
     * @param verdicts one model's verdicts; the scored ones are planned for; never {@code null}
     * @param alpha the two-sided level, e.g. 0.05
     * @param power the power, e.g. 0.8
     * @return the plan, or empty when no task was scored
     */
    public static Optional<PowerPlan> of(Collection<TaskVerdict> verdicts, double alpha, double power) {
        List<TaskVerdict> scored = verdicts.stream().filter(TaskVerdict::scored).toList();
        if (scored.isEmpty()) {
            return Optional.empty();
        }
        int n = scored.size();
        int passed = scored.stream().mapToInt(TaskVerdict::passedTrials).sum();
        int trials = scored.stream().mapToInt(TaskVerdict::trials).sum();
        double harmonicTrials = n / scored.stream().mapToDouble(task -> 1.0 / task.trials()).sum();
        Statistics.Interval interval = Statistics.wilson(passed, trials);
        double planned = Math.max(interval.low(), Math.min(interval.high(), 0.5));
        double variance = planned * (1 - planned);
        double[] fractions = scored.stream().mapToDouble(TaskVerdict::passedFraction).toArray();
        List<String> clusters = scored.stream().map(TaskVerdict::clusterId).toList();
        double deff = designEffect(fractions, clusters);
        double taskSd = Math.sqrt(2 * variance / harmonicTrials);
        return Optional.of(new PowerPlan(n, harmonicTrials, (double) passed / trials, alpha, power, taskSd,
                deff, detectable(taskSd * Math.sqrt(deff / n), alpha, power)));
    }

    /**
     * @param drop a drop in pass rate, in (0, 1]
     * @return the fewest tasks, at these trials per task, that detect it with this plan's power
     */
    public int tasksFor(double drop) {
        positive(drop);
        double ratio = effectNeeded(alpha, power) * taskSd / drop;
        return (int) Math.ceil(ratio * ratio * designEffect - 1e-9);
    }

    /**
     * @param drop a drop in pass rate, in (0, 1]
     * @return the fewest trials per task, with this many tasks, that detect it with this plan's power
     */
    public int trialsFor(double drop) {
        positive(drop);
        double perTrialSd = taskSd * Math.sqrt(trials); // the difference of one trial per task on each side
        double ratio = effectNeeded(alpha, power) * perTrialSd / drop;
        return Math.max(1, (int) Math.ceil(ratio * ratio * designEffect / tasks - 1e-9));
    }

    /** @return whether a drop of {@code drop} is below what this plan detects */
    public boolean cannotDetect(double drop) {
        return drop < minimumDetectableDrop;
    }

    /**
     * The power of the two-sided z test at level {@code alpha} when the true effect is {@code effect}
     * standard errors: &Phi;(effect - z) + &Phi;(-effect - z), z = &Phi;<sup>-1</sup>(1 - alpha/2).
     */
    static double power(double effect, double alpha) {
        double z = NORMAL.inverseSurvivalProbability(alpha / 2);
        return NORMAL.cumulativeProbability(effect - z) + NORMAL.cumulativeProbability(-effect - z);
    }

    /** @return the effect, in standard errors, detected with {@code power} at level {@code alpha}, by bisection */
    static double effectNeeded(double alpha, double power) {
        double low = 0;
        double high = 1;
        while (power(high, alpha) < power) {
            high *= 2;
        }
        for (int i = 0; i < 200 && high - low > 1e-12; i++) {
            double mid = (low + high) / 2;
            if (power(mid, alpha) < power) {
                low = mid;
            } else {
                high = mid;
            }
        }
        return high;
    }

    private static double detectable(double standardError, double alpha, double power) {
        return effectNeeded(alpha, power) * standardError;
    }

    /**
     * The clustered variance of the mean of {@code fractions} over its ordinary variance, at least 1:
     * how much the clusters widen the interval. 1 when the tasks do not vary or each is its own cluster.
     */
    static double designEffect(double[] fractions, List<String> clusters) {
        double clustered = ClusteredError.ofMean(fractions, clusters);
        double ordinary = ClusteredError.ofMean(fractions, IntStream.range(0, fractions.length)
                .mapToObj(Integer::toString).toList());
        if (Double.isNaN(clustered) || Double.isNaN(ordinary) || ordinary == 0) {
            return 1;
        }
        return Math.max(1, (clustered * clustered) / (ordinary * ordinary));
    }

    private static void positive(double drop) {
        if (!(drop > 0 && drop <= 1)) {
            throw new IllegalArgumentException("a drop in pass rate is in (0, 1]: " + drop);
        }
    }
}
