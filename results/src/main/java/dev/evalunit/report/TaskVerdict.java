package dev.evalunit.report;


import java.util.Objects;

/**
 * A task's verdict in a summary: enough for a gate to list what failed or regressed and to catch
 * a task scored twice across merged report directories.
 *
 * @param suite the suite's name; never {@code null}
 * @param task the task's id; never {@code null}
 * @param model the model's name; never {@code null}
 * @param status the verdict; never {@code null}
 * @since 0.1.0
 */
public record TaskVerdict(String suite, String task, String model, TaskOutcome status) {

    public TaskVerdict {
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(status, "status");
    }

    /** @return the verdict of {@code record} */
    public static TaskVerdict of(TaskRecord record) {
        return new TaskVerdict(record.suite(), record.task(), record.model(), record.status());
    }

    /** @return the task's key */
    public TaskKey key() {
        return new TaskKey(suite, task, model);
    }
}
