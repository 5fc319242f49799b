package dev.evalunit.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What was read from a {@code results.jsonl}.
 *
 * @param file the file read; never {@code null}
 * @param tasks every task line, in file order (a task scored twice appears twice: the later line counts)
 * @param warnings what was skipped and why, e.g. an incomplete last line of a run that was killed
 * @since 0.1.0
 */
public record Results(Path file, List<TaskRecord> tasks, List<String> warnings) {

    public Results {
        Objects.requireNonNull(file, "file");
        tasks = List.copyOf(Objects.requireNonNull(tasks, "tasks"));
        warnings = List.copyOf(Objects.requireNonNull(warnings, "warnings"));
    }
}
