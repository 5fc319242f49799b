package dev.evalunit.maven;

import dev.evalunit.report.Summary;
import dev.evalunit.report.TaskRecord;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The results of one or more report directories, as one run.
 *
 * @param directories the directories read
 * @param tasks every task, each (suite, task, model) once
 * @param summary the figures recomputed over {@code tasks}
 * @param warnings what was skipped while reading, e.g. an incomplete last line
 */
record MergedReport(List<Path> directories, List<TaskRecord> tasks, Summary summary, List<String> warnings) {

    MergedReport {
        directories = List.copyOf(Objects.requireNonNull(directories, "directories"));
        tasks = List.copyOf(Objects.requireNonNull(tasks, "tasks"));
        Objects.requireNonNull(summary, "summary");
        warnings = List.copyOf(Objects.requireNonNull(warnings, "warnings"));
    }
}
