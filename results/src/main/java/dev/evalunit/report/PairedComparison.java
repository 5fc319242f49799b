package dev.evalunit.report;

import org.apiguardian.api.API;

import org.apache.commons.statistics.distribution.TDistribution;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.BinomialTest;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * A candidate run compared with a baseline task by task, on the tasks both scored. Pairing removes
 * the tasks' own difficulty from the comparison, so it detects a smaller change than two separate
 * intervals compared by eye would.
 *
 * <p>With one trial per task on both sides the test is McNemar's exact test: under no change the
 * discordant tasks (passed in one run only) split like a fair coin. With more trials it is a t test
 * of the mean per-task difference in the share of passed trials, with the clustered standard
 * error of Miller ("Adding Error Bars to Evals", 2024) and G - 1 degrees of freedom. Formulas are in
 * {@code docs/results-format.md}.
 *
 * @param test the test used; never {@code null}
 * @param tasks the tasks scored in both runs
 * @param clusters how many clusters those tasks fall in; {@code tasks} when every task is its own
 * @param candidateRate the candidate's mean share of passed trials over the paired tasks (its pass rate with one trial)
 * @param baselineRate the baseline's, likewise
 * @param difference {@code candidateRate - baselineRate}: negative is a drop
 * @param standardError the clustered standard error of the difference; NaN with fewer than two clusters
 * @param low the lower bound of the difference's 95% interval, at least -1
 * @param high the upper bound, at most 1
 * @param pValue the two-sided p-value of no change
 * @param newlyFailing tasks that passed in the baseline and fail now, in key order
 * @param newlyPassing tasks that failed in the baseline and pass now, in key order
 * @since 0.1.0
 */
@API(status = INTERNAL, since = "0.1.0")
public record PairedComparison(
        Test test,
        int tasks,
        int clusters,
        double candidateRate,
        double baselineRate,
        double difference,
        double standardError,
        double low,
        double high,
        double pValue,
        List<TaskKey> newlyFailing,
        List<TaskKey> newlyPassing) {

    /** The test behind a {@link PairedComparison}. */
    public enum Test {
        /** McNemar's exact (binomial) test on the discordant tasks, for one trial per task. */
        MCNEMAR_EXACT("McNemar's exact test"),
        /** A t test of the mean per-task difference with a clustered standard error, for several trials. */
        CLUSTERED_PAIRED_T("the clustered paired t test");

        private final String description;

        Test(String description) {
            this.description = description;
        }

        /** @return how a gate message names the test */
        @Override
        public String toString() {
            return description;
        }
    }

    public PairedComparison {
        Objects.requireNonNull(test, "test");
        newlyFailing = List.copyOf(Objects.requireNonNull(newlyFailing, "newlyFailing"));
        newlyPassing = List.copyOf(Objects.requireNonNull(newlyPassing, "newlyPassing"));
        if (tasks < 1 || clusters < 1 || clusters > tasks) {
            throw new IllegalArgumentException("need 1 <= clusters <= tasks: " + clusters + ", " + tasks);
        }
        if (!(low <= difference && difference <= high) || !(pValue >= 0 && pValue <= 1)) {
            throw new IllegalArgumentException("need low <= difference <= high and a p-value in [0, 1]: "
                    + low + ", " + difference + ", " + high + ", p " + pValue);
        }
    }

    /**
     * Pairs the candidate's scored tasks with the baseline's by suite and task id and compares them.
     *
     * @param candidate the verdicts of one model in the run under test; never {@code null}
     * @param baseline the verdicts of one model in the baseline; never {@code null}
     * @return the comparison, or empty when no task was scored in both
     */
    public static Optional<PairedComparison> between(Collection<TaskVerdict> candidate,
            Collection<TaskVerdict> baseline) {
        Map<String, TaskVerdict> before = baseline.stream().filter(TaskVerdict::scored)
                .collect(Collectors.toMap(PairedComparison::id, Function.identity(), (a, b) -> b));
        List<PairedTask> pairs = candidate.stream().filter(TaskVerdict::scored)
                .filter(task -> before.containsKey(id(task)))
                .sorted(Comparator.comparing(TaskVerdict::key))
                .map(task -> new PairedTask(task.key(), task.clusterId(), task, before.get(id(task))))
                .toList();
        return pairs.isEmpty() ? Optional.empty() : Optional.of(of(pairs));
    }

    /**
     * @param pairs the tasks scored in both runs, at least one; never {@code null}
     * @return their comparison
     */
    public static PairedComparison of(List<PairedTask> pairs) {
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("a paired comparison needs at least one task scored in both runs");
        }
        int n = pairs.size();
        double[] differences = pairs.stream().mapToDouble(PairedTask::difference).toArray();
        List<String> clusterOf = pairs.stream().map(PairedTask::cluster).toList();
        int g = ClusteredError.count(clusterOf);
        double candidateRate = pairs.stream().mapToDouble(pair -> pair.candidate().passedFraction()).average().orElseThrow();
        double baselineRate = pairs.stream().mapToDouble(pair -> pair.baseline().passedFraction()).average().orElseThrow();
        double difference = ClusteredError.mean(differences);
        double se = ClusteredError.ofMean(differences, clusterOf);
        double low = -1;
        double high = 1;
        double tP;
        if (Double.isNaN(se)) {
            tP = 1; // one cluster: nothing to estimate the spread from
        } else if (se == 0) {
            low = difference;
            high = difference;
            tP = difference == 0 ? 1 : 0; // every task moved by the same amount: t is infinite
        } else {
            TDistribution t = TDistribution.of(g - 1);
            double quantile = t.inverseSurvivalProbability(0.025);
            low = Math.max(-1, difference - quantile * se);
            high = Math.min(1, difference + quantile * se);
            tP = Math.min(1, 2 * t.survivalProbability(Math.abs(difference / se)));
        }
        boolean oneTrial = pairs.stream().allMatch(pair -> pair.candidate().trials() == 1 && pair.baseline().trials() == 1);
        Test test = oneTrial ? Test.MCNEMAR_EXACT : Test.CLUSTERED_PAIRED_T;
        double p = oneTrial ? mcNemarExact(differences) : tP;
        List<TaskKey> newlyFailing = pairs.stream().filter(PairedTask::newlyFailing).map(PairedTask::key).toList();
        List<TaskKey> newlyPassing = pairs.stream().filter(PairedTask::newlyPassing).map(PairedTask::key).toList();
        return new PairedComparison(test, n, g, candidateRate, baselineRate, difference, se,
                Math.min(low, difference), Math.max(high, difference), p, newlyFailing, newlyPassing);
    }

    /** @return whether the candidate is worse and the test says so at level {@code alpha} */
    public boolean significantDrop(double alpha) {
        return difference < 0 && pValue < alpha;
    }

    /**
     * @return e.g. {@code difference -0.20 (95% CI -0.33 to -0.07) over 40 paired tasks, McNemar's exact test p = 0.008}:
     *         the comparison as gate messages and the leaderboard print it
     */
    public String describe() {
        return "difference " + signed(difference) + " (95% CI " + signed(low) + " to " + signed(high) + ") over " + tasks
                + " paired tasks" + (clusters < tasks ? " in " + clusters + " clusters" : "") + ", " + test + " "
                + (pValue < 0.001 ? "p < 0.001" : String.format(Locale.ROOT, "p = %.3f", pValue));
    }

    private static String signed(double value) {
        String text = String.format(Locale.ROOT, "%+.2f", value);
        return text.equals("+0.00") || text.equals("-0.00") ? "0.00" : text;
    }

    private static double mcNemarExact(double[] differences) {
        int worse = 0;
        int better = 0;
        for (double d : differences) {
            if (d < 0) {
                worse++;
            } else if (d > 0) {
                better++;
            }
        }
        int discordant = worse + better;
        if (discordant == 0) {
            return 1;
        }
        return BinomialTest.withDefaults().with(AlternativeHypothesis.TWO_SIDED)
                .test(discordant, Math.min(worse, better), 0.5).getPValue();
    }

    private static String id(TaskVerdict task) {
        return task.suite() + "\u0000" + task.task();
    }
}
