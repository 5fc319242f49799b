package dev.evalunit.task;

import java.util.List;
import java.util.Objects;

/**
 * A task file as loaded: where it is and the tasks it holds (one today; task lists and datasets
 * will hold many).
 *
 * @param source the start of the file; never {@code null}
 * @param tasks the tasks, in file order; never {@code null}
 * @since 0.1.0
 */
public record TaskFile(SourcePosition source, List<Task> tasks) {

    public TaskFile {
        Objects.requireNonNull(source, "source");
        tasks = List.copyOf(Objects.requireNonNull(tasks, "tasks"));
    }
}
