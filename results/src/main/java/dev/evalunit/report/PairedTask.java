package dev.evalunit.report;

import org.apiguardian.api.API;


import java.util.Objects;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * One task as two runs scored it, for a {@link PairedComparison}.
 *
 * @param key the task in the candidate run; never {@code null}
 * @param cluster the task's cluster (see {@link TaskVerdict#cluster()}); never {@code null}
 * @param candidate the candidate run's verdict; never {@code null}, scored
 * @param baseline the baseline run's verdict of the same task; never {@code null}, scored
 * @since 0.1.0
 */
@API(status = INTERNAL, since = "0.1.0")
public record PairedTask(TaskKey key, String cluster, TaskVerdict candidate, TaskVerdict baseline) {

    public PairedTask {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(baseline, "baseline");
        if (!candidate.scored() || !baseline.scored()) {
            throw new IllegalArgumentException("only tasks scored in both runs are compared: " + key);
        }
    }

    /** @return the candidate's share of passed trials minus the baseline's */
    double difference() {
        return candidate.passedFraction() - baseline.passedFraction();
    }

    /** @return whether the task passed in the baseline and fails now */
    public boolean newlyFailing() {
        return baseline.status() == TaskOutcome.PASSED && candidate.status() != TaskOutcome.PASSED;
    }

    /** @return whether the task failed in the baseline and passes now */
    public boolean newlyPassing() {
        return baseline.status() != TaskOutcome.PASSED && candidate.status() == TaskOutcome.PASSED;
    }
}
