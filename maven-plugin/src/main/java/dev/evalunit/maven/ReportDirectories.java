package dev.evalunit.maven;

import dev.evalunit.report.ResultsFiles;
import dev.evalunit.report.Results;
import dev.evalunit.report.Shard;
import dev.evalunit.report.Summary;
import dev.evalunit.report.TaskKey;
import dev.evalunit.report.TaskRecord;
import dev.evalunit.report.TaskVerdict;
import dev.evalunit.report.TaskOutcome;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads report directories (one per module, or per shard of a split run) and merges them into one
 * run, refusing a merge that would score a partial or doubled run: a directory without results, a
 * shard missing, a task scored in two directories.
 */
final class ReportDirectories {

    private static final int LISTED = 5;

    private ReportDirectories() {
    }

    /** One directory's files. */
    private record Directory(Path path, Summary summary, List<TaskRecord> tasks) {

        /** @return the models this directory scored; empty when it scored no task (then it stands for any model) */
        Set<String> models() {
            return summary.byModel().keySet();
        }
    }

    static MergedReport merge(List<Path> paths) throws ReportException {
        if (paths.isEmpty()) {
            throw new ReportException("no report directory given");
        }
        List<Directory> directories = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Path path : paths) {
            directories.add(read(path, warnings));
        }
        checkSuiteSizes(directories);
        checkShards(directories);
        Map<TaskKey, Path> scoredIn = new LinkedHashMap<>();
        List<TaskRecord> tasks = new ArrayList<>();
        List<String> twice = new ArrayList<>();
        for (Directory directory : directories) {
            for (TaskRecord task : directory.tasks()) {
                Path earlier = scoredIn.putIfAbsent(task.key(), directory.path());
                if (earlier == null) {
                    tasks.add(task);
                } else {
                    twice.add(task.key() + " is in both " + earlier + " and " + directory.path());
                }
            }
        }
        if (!twice.isEmpty()) {
            throw new ReportException("cannot merge the EvalUnit results: " + twice.size()
                    + (twice.size() == 1 ? " task is" : " tasks are") + " scored twice (a directory listed twice, or"
                    + " shards that overlap):\n  " + String.join("\n  ", first(twice)));
        }
        if (tasks.isEmpty()) {
            throw new ReportException("no task was scored in " + describe(paths)
                    + ": did the EvalUnit suites run (are they matched by Surefire's includes, or filtered out)?");
        }
        Map<String, Integer> suites = new TreeMap<>();
        directories.forEach(directory -> suites.putAll(directory.summary().suites()));
        return new MergedReport(paths, tasks, Summary.of(tasks, Optional.empty(), suites), warnings);
    }

    private static Directory read(Path path, List<String> warnings) throws ReportException {
        Path summaryFile = path.resolve(ResultsFiles.SUMMARY_FILE);
        Path resultsFile = path.resolve(ResultsFiles.RESULTS_FILE);
        if (!Files.isDirectory(path)) {
            throw new ReportException("no EvalUnit results: " + path + " does not exist (looked for "
                    + ResultsFiles.SUMMARY_FILE + " and " + ResultsFiles.RESULTS_FILE + " there). Run the EvalUnit"
                    + " suites before the check goal, or point reportDirectories at their results");
        }
        if (!Files.isRegularFile(summaryFile)) {
            throw new ReportException("no EvalUnit summary at " + summaryFile + (Files.isRegularFile(resultsFile)
                    ? ": " + ResultsFiles.RESULTS_FILE + " is there, so the run started but did not finish"
                    : ": the directory holds no EvalUnit results"));
        }
        if (!Files.isRegularFile(resultsFile)) {
            throw new ReportException("no EvalUnit results at " + resultsFile + ", next to " + summaryFile
                    + ": both files are needed");
        }
        Summary summary;
        Results results;
        try {
            summary = ResultsFiles.readSummary(summaryFile);
            results = ResultsFiles.readResults(resultsFile);
        } catch (IOException e) {
            throw new ReportException("cannot read the EvalUnit results: " + e.getMessage(), e);
        }
        warnings.addAll(results.warnings());
        warnings.addAll(results.scoredAgain()); // counted once (the latest line), and said
        List<TaskRecord> tasks = results.latest();
        checkSameRun(summaryFile, resultsFile, summary, tasks);
        return new Directory(path, summary, tasks);
    }

    /** The summary is written last: it must list exactly the tasks of the results file. */
    private static void checkSameRun(Path summaryFile, Path resultsFile, Summary summary, List<TaskRecord> tasks)
            throws ReportException {
        Map<TaskKey, TaskOutcome> inSummary = summary.tasks().stream()
                .collect(Collectors.toMap(TaskVerdict::key, TaskVerdict::status, (a, b) -> b, TreeMap::new));
        Map<TaskKey, TaskOutcome> inResults = tasks.stream()
                .collect(Collectors.toMap(TaskRecord::key, TaskRecord::status, (a, b) -> b, TreeMap::new));
        if (inSummary.equals(inResults)) {
            return;
        }
        List<String> differences = new ArrayList<>();
        Set<TaskKey> keys = new TreeSet<>(inSummary.keySet());
        keys.addAll(inResults.keySet());
        for (TaskKey key : keys) {
            TaskOutcome listed = inSummary.get(key);
            TaskOutcome recorded = inResults.get(key);
            if (listed == null) {
                differences.add(key + ": in " + ResultsFiles.RESULTS_FILE + " only");
            } else if (recorded == null) {
                differences.add(key + ": in " + ResultsFiles.SUMMARY_FILE + " only");
            } else if (listed != recorded) {
                differences.add(key + ": " + status(listed) + " in " + ResultsFiles.SUMMARY_FILE + ", " + status(recorded)
                        + " in " + ResultsFiles.RESULTS_FILE);
            }
        }
        throw new ReportException(summaryFile + " and " + resultsFile + " do not describe the same run ("
                + inSummary.size() + " tasks listed, " + inResults.size() + " recorded):\n  "
                + String.join("\n  ", first(differences)));
    }

    private static void checkSuiteSizes(List<Directory> directories) throws ReportException {
        Map<String, Map.Entry<Integer, Path>> sizes = new TreeMap<>();
        for (Directory directory : directories) {
            for (Map.Entry<String, Integer> suite : directory.summary().suites().entrySet()) {
                Map.Entry<Integer, Path> earlier = sizes.putIfAbsent(suite.getKey(),
                        Map.entry(suite.getValue(), directory.path()));
                if (earlier != null && !earlier.getKey().equals(suite.getValue())) {
                    throw new ReportException("cannot merge the EvalUnit results: suite " + suite.getKey() + " has "
                            + earlier.getKey() + " tasks in " + earlier.getValue() + " but " + suite.getValue() + " in "
                            + directory.path() + ": the directories come from different versions of the suite");
                }
            }
        }
    }

    /**
     * A suite split into N shards must have all N in the merge, for every model that ran it. A
     * shard that scored no task at all still counts: its summary lists the suite.
     */
    private static void checkShards(List<Directory> directories) throws ReportException {
        Map<String, List<Directory>> bySuite = new TreeMap<>();
        for (Directory directory : directories) {
            for (String suite : directory.summary().suites().keySet()) {
                bySuite.computeIfAbsent(suite, key -> new ArrayList<>()).add(directory);
            }
        }
        for (Map.Entry<String, List<Directory>> suite : bySuite.entrySet()) {
            List<Directory> sharded = suite.getValue().stream().filter(directory -> directory.summary().shard().isPresent())
                    .toList();
            if (sharded.isEmpty()) {
                continue;
            }
            Set<Integer> totals = sharded.stream().map(directory -> directory.summary().shard().get().total())
                    .collect(Collectors.toCollection(TreeSet::new));
            if (totals.size() > 1) {
                throw new ReportException("cannot merge the EvalUnit results: suite " + suite.getKey()
                        + " was split into different numbers of shards: " + shardList(sharded));
            }
            int total = totals.iterator().next();
            Set<String> models = new TreeSet<>();
            sharded.forEach(directory -> models.addAll(directory.models()));
            if (models.isEmpty()) {
                models.add("");
            }
            for (String model : models) {
                List<Directory> covering = sharded.stream()
                        .filter(directory -> directory.models().isEmpty() || directory.models().contains(model)).toList();
                Set<Integer> present = covering.stream().map(directory -> directory.summary().shard().get().index())
                        .collect(Collectors.toSet());
                List<String> missing = new ArrayList<>();
                for (int index = 1; index <= total; index++) {
                    if (!present.contains(index)) {
                        missing.add(index + "/" + total);
                    }
                }
                if (!missing.isEmpty()) {
                    throw new ReportException("cannot merge the EvalUnit results: shard" + (missing.size() == 1 ? " " : "s ")
                            + String.join(", ", missing) + " of suite " + suite.getKey()
                            + (model.isEmpty() ? "" : " for model " + model) + (missing.size() == 1 ? " is" : " are")
                            + " missing; found " + shardList(covering) + ". Add the missing shard's report directory"
                            + " to reportDirectories (or rerun that shard)");
                }
            }
        }
    }

    private static String shardList(List<Directory> directories) {
        return directories.stream().map(directory -> "shard " + directory.summary().shard().map(Shard::toString).orElse("?")
                + " in " + directory.path()).collect(Collectors.joining(", "));
    }

    private static String describe(List<Path> paths) {
        return paths.size() == 1 ? paths.get(0).toString()
                : paths.stream().map(Path::toString).collect(Collectors.joining(", "));
    }

    private static String status(TaskOutcome outcome) {
        return outcome.name().toLowerCase(Locale.ROOT);
    }

    private static List<String> first(List<String> lines) {
        if (lines.size() <= LISTED) {
            return lines;
        }
        List<String> shown = new ArrayList<>(lines.subList(0, LISTED));
        shown.add("... and " + (lines.size() - LISTED) + " more");
        return shown;
    }
}
