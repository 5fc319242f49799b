package dev.evalunit.report;

import org.apiguardian.api.API;


import java.util.Objects;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * A task's verdict in a summary: enough for a gate to list what failed or regressed, to catch
 * a task scored twice across merged report directories, and to compare a later run with this one
 * task by task ({@link PairedComparison}).
 *
 * @param suite the suite's name; never {@code null}
 * @param task the task's id; never {@code null}
 * @param model the model's name; never {@code null}
 * @param status the verdict; never {@code null}
 * @param trials how many trials the task ran, at least 1
 * @param passedTrials how many of them passed, from 0 to {@code trials}
 * @param cluster the group of tasks this one is not independent of: its task file, which the rows of
 *        a dataset and the variants of a template share (clusters are told apart per suite); never {@code null}
 * @since 0.1.0
 */
@API(status = INTERNAL, since = "0.1.0")
public record TaskVerdict(String suite, String task, String model, TaskOutcome status, int trials, int passedTrials,
        String cluster) {

    public TaskVerdict {
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(status, "status");
        if (trials < 1 || passedTrials < 0 || passedTrials > trials) {
            throw new IllegalArgumentException("need trials >= 1 and 0 <= passedTrials <= trials: " + passedTrials
                    + " of " + trials + " for " + task);
        }
        Objects.requireNonNull(cluster, "cluster");
    }

    /**
     * A verdict as summaries before trial counts were recorded hold it: one trial, passed exactly when
     * the task passed, a cluster of its own (its id).
     */
    public TaskVerdict(String suite, String task, String model, TaskOutcome status) {
        this(suite, task, model, status, 1, status == TaskOutcome.PASSED ? 1 : 0, task);
    }

    /** @return the verdict of {@code record} */
    public static TaskVerdict of(TaskRecord record) {
        return new TaskVerdict(record.suite(), record.task(), record.model(), record.status(), record.trials().size(),
                record.passedTrials(), record.cluster());
    }

    /** @return the task's key */
    public TaskKey key() {
        return new TaskKey(suite, task, model);
    }

    /** @return whether the task was scored, that is passed or failed rather than errored */
    public boolean scored() {
        return status != TaskOutcome.ERROR;
    }

    /** @return the cluster told apart per suite, as the statistics group by it */
    String clusterId() {
        return suite + "\u0000" + cluster;
    }

    /** @return the share of its trials that passed */
    public double passedFraction() {
        return (double) passedTrials / trials;
    }
}
