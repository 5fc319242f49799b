package dev.evalunit.maven;

import dev.evalunit.report.Figures;
import dev.evalunit.report.ModelFigures;
import dev.evalunit.report.Summary;
import dev.evalunit.report.TaskRecord;
import dev.evalunit.report.TaskOutcome;
import dev.evalunit.report.TaskVerdict;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The release gate: applies {@link GateRules} to each model of a run, and says which rules broke,
 * with the figure, the threshold and the first tasks behind it.
 */
final class Gate {

    /** Tasks listed under a failure; the rest are counted. */
    static final int LISTED_TASKS = 10;

    /** Pass rates are quotients of small integers: a tolerance keeps 0.7 - 0.6 from exceeding 0.1. */
    private static final double TOLERANCE = 1e-9;

    private final GateRules rules;

    Gate(GateRules rules) {
        this.rules = rules;
    }

    Verdict evaluate(MergedReport report) {
        Summary summary = report.summary();
        List<String> failures = new ArrayList<>();
        List<String> passes = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Map.Entry<String, ModelFigures> model : summary.byModel().entrySet()) {
            String name = model.getKey();
            List<TaskRecord> tasks = report.tasks().stream().filter(task -> task.model().equals(name))
                    .sorted(Comparator.comparing(TaskRecord::key)).toList();
            int before = failures.size();
            checkModel(name, model.getValue(), tasks, failures);
            rules.baseline().ifPresent(baseline -> baselineModel(name, baseline).ifPresent(then -> {
                Regression.Outcome outcome = Regression.check(name, verdicts(summary, name), verdicts(baseline.summary(), then),
                        against(baseline, name, then), rules.regressionRules().limitDrop()
                                ? Optional.of(rules.maxRegression()) : Optional.empty(), rules.regressionRules());
                outcome.problems().forEach(problem -> failures.add("EvalUnit gate failed for model " + name + ": " + problem));
                warnings.addAll(outcome.warnings());
                notes.addAll(outcome.notes());
            }));
            if (failures.size() == before) {
                passes.add((summary.byModel().size() > 1 ? name + " " : "") + describe(model.getValue().figures()));
            }
        }
        String line = "EvalUnit gate passed" + (summary.byModel().size() == 1 ? " for model " + summary.models().get(0) : "")
                + ": " + String.join("; ", passes) + " (" + thresholds()
                + (report.directories().size() > 1 ? "; merged from " + report.directories().size() + " report directories" : "")
                + ")";
        return new Verdict(failures, line, warnings, notes);
    }

    private void checkModel(String model, ModelFigures figures, List<TaskRecord> tasks, List<String> failures) {
        String prefix = "EvalUnit gate failed for model " + model + ": ";
        if (rules.minPassRate().isPresent()) {
            minPassRate(figures.figures(), rules.minPassRate().getAsDouble(), "")
                    .ifPresent(problem -> failures.add(prefix + problem
                            + listed("failed tasks", tasks, task -> task.status() == TaskOutcome.FAILED)));
        }
        if (figures.figures().errors() > rules.maxErrors()) {
            int errors = figures.figures().errors();
            failures.add(prefix + errors + (errors == 1 ? " task" : " tasks") + " could not be scored (errors), more than"
                    + " maxErrors " + rules.maxErrors() + listedErrors(tasks));
        }
        for (GateRules.TagRule rule : rules.tagRules()) {
            Figures ofTag = figures.byTag().get(rule.tag());
            String ruleName = "minPassRate " + rate(rule.minPassRate()) + " of the rule for tag " + rule.tag();
            if (ofTag == null) {
                failures.add(prefix + "no task is tagged " + rule.tag() + ", so the " + ruleName + " cannot be checked");
                continue;
            }
            minPassRate(ofTag, rule.minPassRate(), "of tag " + rule.tag() + " ")
                    .ifPresent(problem -> failures.add(prefix + problem + " (rule for tag " + rule.tag() + ")"
                            + listed("failed tasks tagged " + rule.tag(), tasks,
                                    task -> task.status() == TaskOutcome.FAILED && task.tags().contains(rule.tag()))));
        }
        if (rules.regressionRules().limitDrop() && rules.regressionRules().bound() == RegressionRules.Bound.ESTIMATE) {
            rules.baseline().ifPresent(baseline -> regression(model, figures.figures(), tasks, baseline)
                    .ifPresent(problem -> failures.add(prefix + problem)));
        } else {
            rules.baseline().filter(baseline -> baselineModel(model, baseline).isEmpty())
                    .ifPresent(baseline -> failures.add(prefix + noBaselineModel(baseline)));
        }
    }

    /** @return the problem, when the figures' pass rate is below {@code min} */
    private Optional<String> minPassRate(Figures figures, double min, String ofWhat) {
        if (figures.passRate().isEmpty()) {
            return Optional.of("no task " + ofWhat + "was scored (" + figures.errors() + " errored), so its pass rate"
                    + " cannot be compared with minPassRate " + rate(min));
        }
        double compared = rules.useLowerBound() ? figures.passRateLow().getAsDouble() : figures.passRate().getAsDouble();
        if (compared >= min - TOLERANCE) {
            return Optional.empty();
        }
        String[] shown = distinct(compared, min);
        String figure = rules.useLowerBound()
                ? "pass rate " + ofWhat + "lower bound " + shown[0] + " (pass rate " + rate(figures.passRate().getAsDouble())
                        + ", " + scored(figures) + ", 95% CI " + interval(figures) + ")"
                : "pass rate " + ofWhat + shown[0] + " (" + scored(figures) + ", 95% CI " + interval(figures) + ")";
        return Optional.of(figure + " is below minPassRate " + shown[1]);
    }

    private Optional<String> regression(String model, Figures current, List<TaskRecord> tasks, GateRules.Baseline baseline) {
        Summary before = baseline.summary();
        Optional<String> matched = baselineModel(model, baseline);
        if (matched.isEmpty()) {
            return Optional.of(noBaselineModel(baseline));
        }
        String baselineModel = matched.get();
        Figures then = before.byModel().get(baselineModel).figures();
        String against = against(baseline, model, baselineModel);
        if (then.passRate().isEmpty() || current.passRate().isEmpty()) {
            return Optional.of("no pass rate to compare with the " + against + " (no task scored "
                    + (then.passRate().isEmpty() ? "in the baseline" : "now") + ")");
        }
        double drop = then.passRate().getAsDouble() - current.passRate().getAsDouble();
        if (drop <= rules.maxRegression() + TOLERANCE) {
            return Optional.empty();
        }
        Set<String> passedThen = before.tasks().stream()
                .filter(task -> task.model().equals(baselineModel) && task.status() == TaskOutcome.PASSED)
                .map(task -> task.suite() + "\u0000" + task.task()).collect(Collectors.toSet());
        String[] shown = distinct(drop, rules.maxRegression());
        return Optional.of("pass rate fell from " + rate(then.passRate().getAsDouble()) + " to "
                + rate(current.passRate().getAsDouble()) + " (" + scored(current) + ") against the " + against
                + ", a drop of " + shown[0] + ", more than maxRegression " + shown[1]
                + listed("passed in the baseline, fail now", tasks, task -> task.status() == TaskOutcome.FAILED
                        && passedThen.contains(task.suite() + "\u0000" + task.task())));
    }

    /** @return the baseline's model to compare {@code model} with: the same name, or the baseline's only model */
    private static Optional<String> baselineModel(String model, GateRules.Baseline baseline) {
        Summary before = baseline.summary();
        if (before.byModel().containsKey(model)) {
            return Optional.of(model);
        }
        // one model then, one now: the release before this one
        return before.byModel().size() == 1 ? Optional.of(before.models().get(0)) : Optional.empty();
    }

    private static String noBaselineModel(GateRules.Baseline baseline) {
        List<String> models = baseline.summary().models();
        return "the baseline " + baseline.file() + " has no figures for this model (it has "
                + (models.isEmpty() ? "none" : String.join(", ", models)) + ")";
    }

    private static String against(GateRules.Baseline baseline, String model, String baselineModel) {
        return "baseline " + baseline.file() + (baselineModel.equals(model) ? "" : ", model " + baselineModel);
    }

    private static List<TaskVerdict> verdicts(Summary summary, String model) {
        return summary.tasks().stream().filter(task -> task.model().equals(model)).toList();
    }

    private String thresholds() {
        List<String> parts = new ArrayList<>();
        rules.minPassRate().ifPresent(min -> parts.add("minPassRate " + rate(min)));
        parts.add("maxErrors " + rules.maxErrors());
        rules.tagRules().forEach(rule -> parts.add("tag " + rule.tag() + " minPassRate " + rate(rule.minPassRate())));
        rules.baseline().ifPresent(baseline -> parts.add(regressionThresholds(baseline)));
        if (rules.useLowerBound()) {
            parts.add("compared by the 95% CI lower bound");
        }
        return String.join(", ", parts);
    }

    private String regressionThresholds(GateRules.Baseline baseline) {
        RegressionRules regression = rules.regressionRules();
        List<String> parts = new ArrayList<>();
        if (regression.limitDrop()) {
            parts.add("maxRegression " + rate(rules.maxRegression())
                    + (regression.bound() == RegressionRules.Bound.ESTIMATE ? "" : " by the interval's " + regression.bound() + " bound"));
        }
        if (regression.failOnSignificantDrop()) {
            parts.add("no significant drop at " + rate(regression.significanceLevel()));
        }
        return String.join(", ", parts) + " against " + baseline.file();
    }

    static String describe(Figures figures) {
        String counts = figures.passed() + " passed, " + figures.failed() + " failed, " + figures.errors()
                + (figures.errors() == 1 ? " error" : " errors");
        if (figures.passRate().isEmpty()) {
            return "no task scored (" + counts + ")";
        }
        return "pass rate " + rate(figures.passRate().getAsDouble()) + " (" + scored(figures) + ", 95% CI "
                + interval(figures) + "), " + counts;
    }

    private static String listed(String title, List<TaskRecord> tasks, Predicate<TaskRecord> which) {
        List<String> ids = tasks.stream().filter(which).map(task -> task.task() + " (" + task.suite() + ")").toList();
        return list(title, ids);
    }

    private static String listedErrors(List<TaskRecord> tasks) {
        List<String> ids = tasks.stream().filter(task -> task.status() == TaskOutcome.ERROR)
                .map(task -> task.task() + " (" + task.suite() + ")" + task.trials().stream()
                        .flatMap(trial -> trial.error().stream()).findFirst().map(error -> ": " + error).orElse(""))
                .toList();
        return list("errored tasks", ids);
    }

    static String list(String title, List<String> ids) {
        if (ids.isEmpty()) {
            return "";
        }
        StringBuilder list = new StringBuilder("\n  ").append(title).append(" (").append(ids.size()).append("):");
        ids.stream().limit(LISTED_TASKS).forEach(id -> list.append("\n    ").append(id));
        if (ids.size() > LISTED_TASKS) {
            list.append("\n    ... and ").append(ids.size() - LISTED_TASKS).append(" more");
        }
        return list.toString();
    }

    private static String scored(Figures figures) {
        return figures.scored() + (figures.scored() == 1 ? " task" : " tasks");
    }

    private static String interval(Figures figures) {
        return rate(figures.passRateLow().getAsDouble()) + "-" + rate(figures.passRateHigh().getAsDouble());
    }

    static String rate(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** Two decimals, or as many more as it takes for a figure not to print equal to the threshold it missed. */
    static String[] distinct(double figure, double threshold) {
        for (int decimals = 2; decimals < 6; decimals++) {
            String format = "%." + decimals + "f";
            String a = String.format(Locale.ROOT, format, figure);
            String b = String.format(Locale.ROOT, format, threshold);
            if (!a.equals(b)) {
                return new String[] {a, b};
            }
        }
        return new String[] {Double.toString(figure), Double.toString(threshold)};
    }
}
