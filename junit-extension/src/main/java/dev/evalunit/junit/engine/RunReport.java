package dev.evalunit.junit.engine;

import dev.evalunit.report.ResultsFiles;
import dev.evalunit.report.ResultsWriter;
import dev.evalunit.report.Scoreboard;
import dev.evalunit.report.Shard;
import dev.evalunit.report.Summary;
import dev.evalunit.report.TaskRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The run's results: each finished task is appended (and flushed) to {@code results.jsonl} at
 * once, so a killed run keeps what it finished; at the end {@code summary.json} is written
 * atomically. Thread-safe.
 */
final class RunReport {

    private final Path directory;
    private final Optional<Shard> shard;
    private final Scoreboard scoreboard = new Scoreboard();
    private final Map<String, Integer> suiteSizes = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private ResultsWriter writer;

    private final String sandbox;

    RunReport(Path directory, Optional<Shard> shard) {
        this(directory, shard, dev.evalunit.config.Constants.SANDBOX_DEFAULT);
    }

    /** @param sandbox the run's {@code evalunit.sandbox}, recorded in {@code summary.json} */
    RunReport(Path directory, Optional<Shard> shard, String sandbox) {
        this.sandbox = sandbox;
        this.directory = directory;
        this.shard = shard;
    }

    Path directory() {
        return directory;
    }

    /** Records how many tasks a suite has before sharding, so merged shards can be checked for gaps. */
    synchronized void suiteSize(String suite, int tasks) {
        suiteSizes.put(suite, tasks);
        // The first suite empties results.jsonl, so no line of an earlier run survives into this one.
        openWriter();
    }

    private void openWriter() {
        if (writer != null) {
            return;
        }
        try {
            writer = ResultsFiles.open(directory);
        } catch (IOException | UncheckedIOException e) {
            problems.add("could not create " + directory.resolve("results.jsonl") + ": " + e);
        }
    }

    synchronized void record(TaskRecord task) {
        scoreboard.add(task);
        openWriter();
        if (writer == null) {
            return;
        }
        try {
            writer.add(task);
        } catch (IOException | UncheckedIOException e) {
            problems.add("could not append " + task.task() + " to " + directory.resolve("results.jsonl") + ": " + e);
        }
    }

    synchronized boolean isEmpty() {
        return scoreboard.tasks().isEmpty();
    }

    synchronized List<TaskRecord> tasks() {
        return scoreboard.tasks();
    }

    /**
     * Writes {@code summary.json}.
     *
     * @throws IllegalStateException when a results file could not be written; the message says which
     */
    synchronized Optional<Summary> finish() {
        if (suiteSizes.isEmpty() && scoreboard.tasks().isEmpty()) {
            // No suite in this run (e.g. a Surefire run of Jupiter tests only): leave no files behind.
            return Optional.empty();
        }
        Summary summary = scoreboard.summary(shard, suiteSizes).withSandbox(sandbox);
        try {
            if (writer != null) {
                writer.close();
            }
            ResultsFiles.writeSummary(directory, summary);
        } catch (IOException | UncheckedIOException e) {
            problems.add("could not write " + directory.resolve("summary.json") + ": " + e);
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("EvalUnit could not keep the results of this run; check that "
                    + directory + " is writable (evalunit.report.dir): " + String.join("; ", problems));
        }
        return Optional.of(summary);
    }
}
