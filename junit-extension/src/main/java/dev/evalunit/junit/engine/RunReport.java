package dev.evalunit.junit.engine;

import dev.evalunit.report.BuildResults;
import dev.evalunit.report.Shard;
import dev.evalunit.report.TaskKey;
import dev.evalunit.report.TaskRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * This engine execution's part of the build's results ({@link BuildResults}): each finished task
 * is appended to {@code results.jsonl} at once, so a killed run keeps what it finished; at the end
 * {@code summary.json} is rewritten from every task of the build so far. Thread-safe.
 */
final class RunReport {

    private final Path directory;
    private final Optional<Shard> shard;
    private final String buildId;
    private final boolean resume;
    private final Map<String, Integer> suiteSizes = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private int recorded;
    private BuildResults results;
    private boolean opened;

    private final Supplier<String> sandbox;

    /** @param sandbox the run's sandbox kind, asked for at the end and recorded in {@code summary.json} */
    RunReport(Path directory, Optional<Shard> shard, String buildId, boolean resume, Supplier<String> sandbox) {
        this.sandbox = sandbox;
        this.directory = directory;
        this.shard = shard;
        this.buildId = buildId;
        this.resume = resume;
    }

    Path directory() {
        return directory;
    }

    /** Records how many tasks a suite has before sharding, so merged shards can be checked for gaps. */
    synchronized void suiteSize(String suite, int tasks) {
        suiteSizes.put(suite, tasks);
        open();
    }

    /** Joins the build's results when the first suite starts; a run without suites touches no file. */
    private void open() {
        if (opened) {
            return;
        }
        opened = true;
        try {
            results = BuildResults.open(directory, buildId, resume);
        } catch (IOException | UncheckedIOException e) {
            problems.add("could not prepare " + directory + ": " + e);
        }
    }

    /** @return whether this run was asked to resume, so {@link #earlier} can find anything */
    boolean resuming() {
        return resume;
    }

    /** @return the result of this task that an earlier build scored, when resuming and the task is unchanged */
    Optional<TaskRecord> earlier(TaskKey key, Optional<String> version) {
        if (!resume) {
            return Optional.empty(); // nothing kept, so no need to wait for the lock every task takes
        }
        BuildResults opened;
        synchronized (this) {
            open();
            opened = results;
        }
        return opened == null ? Optional.empty() : opened.earlier(key, version);
    }

    void record(TaskRecord task) {
        BuildResults opened;
        synchronized (this) {
            open();
            recorded++;
            opened = results;
        }
        if (opened == null) {
            return;
        }
        // Outside this lock: the results serialise the line first and lock only for the write.
        try {
            opened.add(task);
        } catch (IOException | UncheckedIOException e) {
            synchronized (this) {
                problems.add("could not append " + task.task() + " to " + directory.resolve("results.jsonl") + ": " + e);
            }
        }
    }

    /** @return how many tasks this execution recorded */
    synchronized int recorded() {
        return recorded;
    }

    /** @return suite &rarr; how many tasks it has before sharding, for the HTML report */
    synchronized Map<String, Integer> suiteSizes() {
        return Map.copyOf(suiteSizes);
    }

    /**
     * Rewrites {@code summary.json} from the whole build's results.
     *
     * @return the whole build's results; empty when no suite ran in this execution
     * @throws IllegalStateException when a results file could not be written; the message says which
     */
    synchronized Optional<BuildResults.Build> finish() {
        if (!opened) {
            // No suite in this run (e.g. a Surefire run of Jupiter tests only): leave no files behind.
            return Optional.empty();
        }
        Optional<BuildResults.Build> build = Optional.empty();
        if (results != null) {
            try {
                build = Optional.of(results.finish(shard, suiteSizes, sandbox.get()));
                results.close();
            } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
                problems.add("could not write " + directory.resolve("summary.json") + ": " + e);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("EvalUnit could not keep the results of this run; check that "
                    + directory + " is writable (evalunit.report.dir): " + String.join("; ", problems));
        }
        return build;
    }

    /** @return what was skipped while reading earlier results */
    synchronized List<String> warnings() {
        return results == null ? List.of() : results.warnings();
    }
}
