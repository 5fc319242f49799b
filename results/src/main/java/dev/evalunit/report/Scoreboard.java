package dev.evalunit.report;

import org.apiguardian.api.API;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * Collects the results of a run as tasks finish, for its {@link Summary}. Thread-safe: tasks
 * finish on several threads.
 *
 * <p>A task scored again (same suite, task and model, e.g. a rerun of a failed test in the same
 * run) replaces its earlier result, as the last line for it does in {@code results.jsonl}.
 *
 * @since 0.1.0
 */
@API(status = INTERNAL, since = "0.1.0")
public final class Scoreboard {

    private final Map<TaskKey, TaskRecord> tasks = new LinkedHashMap<>();

    /**
     * @param task a finished task; never {@code null}
     */
    public synchronized void add(TaskRecord task) {
        Objects.requireNonNull(task, "task");
        tasks.remove(task.key()); // keep finishing order: a rescored task moves to the end
        tasks.put(task.key(), task);
    }

    /** @return the results so far, in the order they finished */
    public synchronized List<TaskRecord> tasks() {
        return List.copyOf(new ArrayList<>(tasks.values()));
    }

    /**
     * @param shard the part of its suites this run scored, if it was sharded; never {@code null}
     * @param suiteTaskCounts suite &rarr; how many tasks the whole suite has before sharding (a suite
     *        with no task in this shard belongs here too, so a merge can tell the shard ran);
     *        never {@code null}
     * @return the summary of the results so far
     */
    public synchronized Summary summary(Optional<Shard> shard, Map<String, Integer> suiteTaskCounts) {
        return Summary.of(tasks.values(), shard, suiteTaskCounts);
    }
}
