package dev.evalunit.junit.engine;

import dev.evalunit.report.Figures;
import dev.evalunit.report.FlakyTask;
import dev.evalunit.report.Summary;
import dev.evalunit.report.TaskRecord;
import dev.evalunit.report.TaskVerdict;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;


/**
 * The plain-text summary printed at the end of a run, made to read well in a Maven log: one line
 * per suite and model, a total, and a leaderboard when several models ran.
 */
final class SummaryText {

    /** Flaky tasks listed at the end of a run; summary.json has all of them. */
    private static final int LISTED_FLAKY = 10;

    private SummaryText() {
    }

    static String of(List<TaskRecord> tasks, Path reportDirectory) {
        Map<String, List<TaskRecord>> bySuiteAndModel = new TreeMap<>();
        Map<String, List<TaskRecord>> byModel = new TreeMap<>();
        for (TaskRecord task : tasks) {
            bySuiteAndModel.computeIfAbsent(simpleName(task.suite()) + " [" + task.model() + "]", key -> new ArrayList<>())
                    .add(task);
            byModel.computeIfAbsent(task.model(), key -> new ArrayList<>()).add(task);
        }
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, List<TaskRecord>> entry : bySuiteAndModel.entrySet()) {
            text.append("EvalUnit ").append(entry.getKey()).append(": ").append(line(Figures.of(entry.getValue())))
                    .append('\n');
        }
        if (bySuiteAndModel.size() > 1) {
            text.append("EvalUnit total: ").append(line(Figures.of(tasks))).append('\n');
        }
        if (byModel.size() > 1) {
            text.append(leaderboard(byModel));
            text.append(pairwise(tasks));
        }
        text.append(flaky(tasks));
        text.append("EvalUnit results: ").append(reportDirectory.resolve("results.jsonl")).append(", ")
                .append(reportDirectory.resolve("summary.json")).append('\n');
        return text.toString();
    }

    /** e.g. {@code 5/10 tasks passed, pass rate 0.50 (95% CI 0.24-0.76), 0 errors} */
    static String line(Figures figures) {
        int scored = figures.passed() + figures.failed();
        String rate = figures.passRate().isPresent()
                ? String.format(Locale.ROOT, "pass rate %.2f (95%% CI %.2f-%.2f)", figures.passRate().getAsDouble(),
                        figures.passRateLow().getAsDouble(), figures.passRateHigh().getAsDouble())
                : "no task scored";
        return figures.passed() + "/" + scored + " tasks passed, " + rate + ", " + figures.errors()
                + (figures.errors() == 1 ? " error" : " errors");
    }

    private static String leaderboard(Map<String, List<TaskRecord>> byModel) {
        Map<String, Figures> figures = new LinkedHashMap<>();
        byModel.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, List<TaskRecord>> entry) ->
                        Figures.of(entry.getValue()).passRate().orElse(-1)).reversed()
                        .thenComparing(Map.Entry::getKey))
                .forEach(entry -> figures.put(entry.getKey(), Figures.of(entry.getValue())));
        int width = Math.max(5, figures.keySet().stream().mapToInt(String::length).max().orElse(5));
        StringBuilder text = new StringBuilder("EvalUnit leaderboard:\n");
        text.append(String.format(Locale.ROOT, "  %-4s  %-" + width + "s  %9s  %-11s  %7s  %6s%n",
                "rank", "model", "pass rate", "95% CI", "passed", "errors"));
        int rank = 0;
        for (Map.Entry<String, Figures> entry : figures.entrySet()) {
            Figures f = entry.getValue();
            rank++;
            String rate = f.passRate().isPresent()
                    ? String.format(Locale.ROOT, "%.2f", f.passRate().getAsDouble()) : "-";
            String interval = f.passRate().isPresent() ? String.format(Locale.ROOT, "%.2f-%.2f",
                    f.passRateLow().getAsDouble(), f.passRateHigh().getAsDouble()) : "-";
            text.append(String.format(Locale.ROOT, "  %-4d  %-" + width + "s  %9s  %-11s  %7s  %6d%n", rank,
                    entry.getKey(), rate, interval, f.passed() + "/" + (f.passed() + f.failed()), f.errors()));
        }
        return text.toString();
    }

    /** Each pair of models compared on the tasks both scored, e.g. {@code gpt-4o vs gpt-4o-mini: difference +0.10 ...}. */
    private static String pairwise(List<TaskRecord> tasks) {
        StringBuilder text = new StringBuilder();
        Summary.of(tasks, Optional.empty(), Map.of()).pairwise().forEach((models, comparison) ->
                text.append("  ").append(models.get(0)).append(" vs ").append(models.get(1)).append(": ")
                        .append(comparison.describe()).append("; ").append(comparison.newlyPassing().size())
                        .append(" pass only with ").append(models.get(0)).append(", ")
                        .append(comparison.newlyFailing().size()).append(" only with ").append(models.get(1))
                        .append('\n'));
        return text.isEmpty() ? "" : "EvalUnit pairwise (paired on the same tasks):\n" + text;
    }

    /** The tasks whose trials disagreed, with their success rate, e.g. {@code tools/oom [gpt-4o]: 2 of 3 trials passed ...}. */
    private static String flaky(List<TaskRecord> tasks) {
        List<FlakyTask> flaky = FlakyTask.among(tasks.stream().map(TaskVerdict::of).toList());
        if (flaky.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder("EvalUnit flaky tasks (their trials disagree): ").append(flaky.size())
                .append('\n');
        flaky.stream().limit(LISTED_FLAKY).forEach(task -> text.append(String.format(Locale.ROOT,
                "  %s [%s]: %d of %d trials passed, success rate %.2f (95%% CI %.2f-%.2f)%n", task.key().task(),
                task.key().model(), task.passedTrials(), task.trials(), task.rate(), task.interval().low(),
                task.interval().high())));
        if (flaky.size() > LISTED_FLAKY) {
            text.append("  ... and ").append(flaky.size() - LISTED_FLAKY).append(" more in summary.json\n");
        }
        return text.toString();
    }

    static String simpleName(String suite) {
        int dot = suite.lastIndexOf('.');
        // Class names read best without their package; locations (paths) are kept whole.
        return dot >= 0 && !suite.contains("/") ? suite.substring(dot + 1) : suite;
    }

}
