package dev.evalunit.report;

import org.apiguardian.api.API;

import java.util.Comparator;
import java.util.Objects;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

/**
 * What identifies a task's result within a run: the suite, the task's id and the model. Two
 * results with the same key are the same task scored twice.
 *
 * @param suite the suite's name; never {@code null}
 * @param task the task's id within its suite; never {@code null}
 * @param model the model's name; never {@code null}
 * @since 0.1.0
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record TaskKey(String suite, String task, String model) implements Comparable<TaskKey> {

    private static final Comparator<TaskKey> ORDER = Comparator.comparing(TaskKey::suite)
            .thenComparing(TaskKey::task).thenComparing(TaskKey::model);

    public TaskKey {
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(model, "model");
    }

    /** Orders by suite, then task, then model. */
    @Override
    public int compareTo(TaskKey other) {
        return ORDER.compare(this, other);
    }

    /** @return {@code task [model] in suite}, e.g. {@code tools/oom [gpt-4o] in com.acme.SreEvalTest} */
    @Override
    public String toString() {
        return task + " [" + model + "] in " + suite;
    }
}
