package dev.evalunit.report;

import org.apiguardian.api.API;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * A task whose trials disagreed: some passed, some failed. Its success rate comes with the 95%
 * Wilson interval over its trials, so two passes in three reads as the rough figure it is.
 *
 * @param key the task; never {@code null}
 * @param passedTrials trials that passed, at least 1
 * @param trials trials run, more than {@code passedTrials}
 * @param interval the 95% Wilson interval of {@code passedTrials / trials}; never {@code null}
 * @since 0.1.0
 */
@API(status = INTERNAL, since = "0.1.0")
public record FlakyTask(TaskKey key, int passedTrials, int trials, Statistics.Interval interval) {

    public FlakyTask {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(interval, "interval");
        if (passedTrials < 1 || passedTrials >= trials) {
            throw new IllegalArgumentException("a flaky task passed some trials, not all: " + passedTrials + " of " + trials);
        }
    }

    /**
     * @param verdicts the verdicts to look through; never {@code null}
     * @return the scored tasks whose trials disagreed, least reliable first
     */
    public static List<FlakyTask> among(Collection<TaskVerdict> verdicts) {
        return verdicts.stream()
                .filter(task -> task.scored() && task.passedTrials() > 0 && task.passedTrials() < task.trials())
                .map(task -> new FlakyTask(task.key(), task.passedTrials(), task.trials(),
                        Statistics.wilson(task.passedTrials(), task.trials())))
                .sorted(Comparator.comparingDouble(FlakyTask::rate).thenComparing(FlakyTask::key))
                .toList();
    }

    /** @return the share of trials that passed */
    public double rate() {
        return (double) passedTrials / trials;
    }
}
