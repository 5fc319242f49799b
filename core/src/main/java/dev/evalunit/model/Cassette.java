package dev.evalunit.model;

import dev.evalunit.config.Constants;
import dev.evalunit.task.Task;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a run records model exchanges, or replays them from: one JSON file per model, task and
 * trial, {@code <dir>/<model>/<task id>/trial-<n>.json}, so trials stay independent samples and a
 * team can read and commit the files.
 */
final class Cassette {

    private final CassetteMode mode;
    private final Path directory;
    private final String configuredDirectory;

    Cassette(CassetteMode mode, String directory) {
        this.mode = Objects.requireNonNull(mode, "mode");
        this.configuredDirectory = Objects.requireNonNull(directory, "directory");
        this.directory = Path.of(directory);
    }

    CassetteMode mode() {
        return mode;
    }

    /** @return the trial's recording, read or written as the mode says */
    TrialCassette trial(Task task, int trial, String model) {
        Path relative = Path.of(segment(model));
        for (String part : task.id().split("/")) {
            relative = relative.resolve(segment(part));
        }
        relative = relative.resolve("trial-" + trial + ".json");
        return new TrialCassette(mode, directory.resolve(relative), task, trial, model, recordCommand());
    }

    /** @return the command that records, as error messages show it */
    String recordCommand() {
        String command = "mvn test -D" + Constants.CASSETTE_PROPERTY_NAME + "=" + Constants.CASSETTE_RECORD;
        if (!configuredDirectory.equals(Constants.CASSETTE_DIR_DEFAULT)) {
            command += " -D" + Constants.CASSETTE_DIR_PROPERTY_NAME + "=" + configuredDirectory;
        }
        return command;
    }

    /** A path segment safe on every file system, still recognisable: {@code qwen2.5:7b} becomes {@code qwen2.5_7b}. */
    static String segment(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
        if (safe.isEmpty() || safe.chars().allMatch(c -> c == '.')) {
            return "_" + safe;
        }
        return safe;
    }
}
