package dev.evalunit.report;

import org.apiguardian.api.API;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

/**
 * What {@code summary.json} holds: the figures of a run overall, per tag and per model, which
 * shard of its suites it ran, and every task's verdict.
 *
 * @param formatVersion the version of the file format, {@value #FORMAT_VERSION} for this one
 * @param figures over every task of the run; never {@code null}
 * @param byTag tag &rarr; the figures of the tasks with that tag; iterates in tag order
 * @param byModel model &rarr; its figures, overall and per tag; present for every model, even when
 *        one ran; iterates in model order
 * @param shard the part of each suite this run scored, when the suites were split
 * @param suites suite &rarr; how many tasks the whole suite has, before sharding; iterates in suite order
 * @param tasks every task's verdict, ordered by suite, task and model
 * @param sandbox the {@code evalunit.sandbox} code tasks ran in ({@code bubblewrap}, or {@code none}
 *        when they ran unconfined), when the run said; the gate's {@code requireSandbox} refuses
 *        {@code none} and a summary that does not say
 * @since 0.1.0
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record Summary(
        int formatVersion,
        Figures figures,
        Map<String, Figures> byTag,
        Map<String, ModelFigures> byModel,
        Optional<Shard> shard,
        Map<String, Integer> suites,
        List<TaskVerdict> tasks,
        Optional<String> sandbox) {

    /** The format version this class writes and reads. */
    public static final int FORMAT_VERSION = 1;

    public Summary {
        if (formatVersion < 1) {
            throw new IllegalArgumentException("formatVersion starts at 1: " + formatVersion);
        }
        Objects.requireNonNull(figures, "figures");
        byTag = sorted(byTag, "byTag");
        byModel = sorted(byModel, "byModel");
        Objects.requireNonNull(shard, "shard");
        suites = sorted(suites, "suites");
        tasks = List.copyOf(Objects.requireNonNull(tasks, "tasks"));
        Objects.requireNonNull(sandbox, "sandbox");
    }

    /**
     * @param kind the {@code evalunit.sandbox} of the run; never {@code null}
     * @return this summary, saying which sandbox code tasks ran in
     */
    public Summary withSandbox(String kind) {
        return new Summary(formatVersion, figures, byTag, byModel, shard, suites, tasks,
                Optional.of(Objects.requireNonNull(kind, "kind")));
    }

    /**
     * Scores a set of task results.
     *
     * @param tasks the results, each task (suite, task, model) once; never {@code null}
     * @param shard the shard the results come from, if the run was sharded; never {@code null}
     * @param suiteTaskCounts suite &rarr; how many tasks the whole suite has before sharding; a suite
     *        of {@code tasks} missing here is counted by its distinct task ids; never {@code null}
     * @return the summary
     * @throws IllegalArgumentException if a task is given twice
     */
    public static Summary of(Collection<TaskRecord> tasks, Optional<Shard> shard, Map<String, Integer> suiteTaskCounts) {
        Objects.requireNonNull(tasks, "tasks");
        Objects.requireNonNull(shard, "shard");
        Objects.requireNonNull(suiteTaskCounts, "suiteTaskCounts");
        Set<TaskKey> seen = new HashSet<>();
        for (TaskRecord task : tasks) {
            if (!seen.add(task.key())) {
                throw new IllegalArgumentException("task scored twice: " + task.key());
            }
        }
        Map<String, ModelFigures> byModel = new LinkedHashMap<>();
        groupBy(tasks, TaskRecord::model).forEach((model, ofModel) ->
                byModel.put(model, new ModelFigures(Figures.of(ofModel), byTag(ofModel))));
        Map<String, Integer> suites = new TreeMap<>(suiteTaskCounts);
        groupBy(tasks, TaskRecord::suite).forEach((suite, ofSuite) ->
                suites.computeIfAbsent(suite, unknown -> (int) ofSuite.stream().map(TaskRecord::task).distinct().count()));
        List<TaskVerdict> verdicts = tasks.stream().map(TaskVerdict::of)
                .sorted(Comparator.comparing(TaskVerdict::key)).toList();
        return new Summary(FORMAT_VERSION, Figures.of(tasks), byTag(tasks), byModel, shard, suites, verdicts,
                Optional.empty());
    }

    /**
     * @return model &rarr; its statistics (clustered interval, flaky tasks, trials per task, plan),
     *         derived from {@link #tasks()}; iterates in model order
     */
    public Map<String, ModelStatistics> statistics() {
        Map<String, ModelStatistics> byModel = new TreeMap<>();
        verdictsByModel().forEach((model, verdicts) -> byModel.put(model, ModelStatistics.of(verdicts)));
        return Collections.unmodifiableSortedMap(new TreeMap<>(byModel));
    }

    /**
     * Every pair of models in this run compared task by task, the first of each pair in model order
     * as the candidate and the second as the baseline: the leaderboard's pairwise comparison.
     *
     * @return {@code [model, other model]} &rarr; their comparison, for the pairs that scored a task in common
     */
    public Map<List<String>, PairedComparison> pairwise() {
        Map<String, List<TaskVerdict>> byModel = verdictsByModel();
        List<String> models = List.copyOf(byModel.keySet());
        Map<List<String>, PairedComparison> pairs = new LinkedHashMap<>();
        for (int i = 0; i < models.size(); i++) {
            for (int j = i + 1; j < models.size(); j++) {
                List<String> pair = List.of(models.get(i), models.get(j));
                PairedComparison.between(byModel.get(pair.get(0)), byModel.get(pair.get(1)))
                        .ifPresent(comparison -> pairs.put(pair, comparison));
            }
        }
        return Collections.unmodifiableMap(pairs);
    }

    private Map<String, List<TaskVerdict>> verdictsByModel() {
        return tasks.stream().collect(Collectors.groupingBy(TaskVerdict::model, TreeMap::new, Collectors.toList()));
    }

    /** @return every model's name, in order */
    public List<String> models() {
        return List.copyOf(byModel.keySet());
    }

    private static Map<String, Figures> byTag(Collection<TaskRecord> tasks) {
        Map<String, List<TaskRecord>> byTag = new TreeMap<>();
        for (TaskRecord task : tasks) {
            for (String tag : task.tags()) {
                byTag.computeIfAbsent(tag, key -> new ArrayList<>()).add(task);
            }
        }
        return byTag.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                entry -> Figures.of(entry.getValue()), (a, b) -> a, TreeMap::new));
    }

    private static Map<String, List<TaskRecord>> groupBy(Collection<TaskRecord> tasks, Function<TaskRecord, String> key) {
        return tasks.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()));
    }

    private static <V> Map<String, V> sorted(Map<String, V> map, String name) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(map, name)));
    }
}
