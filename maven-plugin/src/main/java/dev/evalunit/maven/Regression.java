package dev.evalunit.maven;

import dev.evalunit.report.PairedComparison;
import dev.evalunit.report.PowerPlan;
import dev.evalunit.report.TaskKey;
import dev.evalunit.report.TaskVerdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The baseline rules that rest on the paired comparison: a significant drop, a drop read from the
 * interval's bound, and the plain statement that the data cannot decide.
 */
final class Regression {

    /**
     * @param problems broken rules, each a message to follow {@code EvalUnit gate failed for model m: }
     * @param warnings what the build log should show loudly: an inconclusive comparison
     * @param notes the comparison itself, for the log
     */
    record Outcome(List<String> problems, List<String> warnings, List<String> notes) {

        Outcome {
            problems = List.copyOf(problems);
            warnings = List.copyOf(warnings);
            notes = List.copyOf(notes);
        }
    }

    private Regression() {
    }

    /**
     * @param model the model under test
     * @param candidate its verdicts in this run
     * @param baselineVerdicts the baseline model's verdicts
     * @param against how messages name the baseline, e.g. {@code baseline release-1.0/summary.json}
     * @param maxRegression the largest drop allowed, when the bound rule applies
     * @param rules the rules; never {@code null}
     */
    static Outcome check(String model, List<TaskVerdict> candidate, List<TaskVerdict> baselineVerdicts, String against,
            Optional<Double> maxRegression, RegressionRules rules) {
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Optional<PairedComparison> paired = PairedComparison.between(candidate, baselineVerdicts);
        if (paired.isEmpty()) {
            String none = "no task was scored both now and in the " + against + ", so there is no paired comparison";
            if (rules.failOnSignificantDrop() || rules.bound() != RegressionRules.Bound.ESTIMATE) {
                problems.add(none + " and the rules that need one (failOnSignificantRegression, regressionBound "
                        + rules.bound() + ") cannot be checked: compare runs of the same suite");
            } else {
                notes.add(none);
            }
            return new Outcome(problems, warnings, notes);
        }
        PairedComparison comparison = paired.get();
        notes.add("model " + model + " against the " + against + ": " + comparison.describe() + "; "
                + comparison.newlyFailing().size() + " newly failing, " + comparison.newlyPassing().size() + " newly passing");
        double alpha = rules.significanceLevel();
        if (rules.failOnSignificantDrop() && comparison.significantDrop(alpha)) {
            problems.add("the pass rate fell significantly against the " + against + ": " + comparison.describe()
                    + " < significanceLevel " + Gate.rate(alpha) + newlyFailing(comparison));
        }
        if (maxRegression.isPresent() && rules.bound() != RegressionRules.Bound.ESTIMATE) {
            double max = maxRegression.get();
            boolean lower = rules.bound() == RegressionRules.Bound.LOWER;
            double drop = -(lower ? comparison.low() : comparison.high());
            if (drop > max + 1e-9) {
                String[] shown = Gate.distinct(drop, max);
                problems.add("the " + (lower ? "lower" : "upper") + " bound of the paired difference's 95% interval is a"
                        + " drop of " + shown[0] + " against the " + against + ", more than maxRegression " + shown[1]
                        + " (" + comparison.describe() + ")" + newlyFailing(comparison));
            }
        }
        if (!comparison.significantDrop(alpha)) {
            double drop = rules.detectableDrop(maxRegression.orElse(0.0));
            PowerPlan.of(candidate, alpha, 0.8).filter(plan -> plan.cannotDetect(drop))
                    .ifPresent(plan -> {
                        String message = "EvalUnit gate inconclusive for model " + model + " against the " + against + ": "
                                + inconclusive(plan, drop) + "; the drop seen, " + comparison.describe() + ", decides nothing";
                        if (rules.failWhenInconclusive()) {
                            problems.add(message.substring(message.indexOf(": ") + 2) + " (failWhenInconclusive)");
                        } else {
                            warnings.add(message);
                        }
                    });
        }
        return new Outcome(problems, warnings, notes);
    }

    /** e.g. {@code 40 tasks of 1 trial cannot detect a drop of 0.05 (...)} */
    static String inconclusive(PowerPlan plan, double drop) {
        return "inconclusive: " + plan.tasks() + (plan.tasks() == 1 ? " task" : " tasks") + " of " + trials(plan.trials())
                + " cannot detect a drop of " + Gate.rate(drop) + " (" + Math.round(drop * 100) + " points): at"
                + " level " + Gate.rate(plan.alpha()) + " and " + Math.round(plan.power() * 100) + "% power the smallest"
                + " detectable drop is " + Gate.rate(plan.minimumDetectableDrop()) + "; " + plan.tasksFor(drop)
                + " tasks, or " + plan.trialsFor(drop) + " trials per task, would detect it";
    }

    static String describe(PairedComparison comparison) {
        return comparison.describe();
    }

    private static String newlyFailing(PairedComparison comparison) {
        return Gate.list("passed in the baseline, fail now", comparison.newlyFailing().stream()
                .map(Regression::id).toList());
    }

    private static String id(TaskKey key) {
        return key.task() + " (" + key.suite() + ")";
    }

    private static String trials(double trials) {
        if (trials == Math.rint(trials)) {
            return (long) trials + (trials == 1 ? " trial" : " trials");
        }
        return String.format(Locale.ROOT, "%.1f trials", trials);
    }
}
