package dev.evalunit.report;

import org.apiguardian.api.API;


import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.TreeMap;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

/**
 * The figures of a set of task results: counts, the pass rate with its 95% Wilson interval, and,
 * when tasks ran several trials, pass@k and pass^k. Errors are counted apart and left out of the
 * pass rate: an outage must read neither as a low score nor as a high one.
 *
 * @param total tasks, scored or not
 * @param passed tasks that passed
 * @param failed tasks that failed
 * @param errors tasks that could not be scored
 * @param passRate {@code passed / (passed + failed)}; empty when no task was scored
 * @param passRateLow the lower bound of the pass rate's 95% Wilson interval; empty when no task was scored
 * @param passRateHigh the upper bound of the pass rate's 95% Wilson interval; empty when no task was scored
 * @param passAtK k &rarr; the mean pass@k over the scored tasks that ran at least k trials, for
 *        k = 1..the most trials a scored task ran; empty when no scored task ran more than one trial.
 *        Iterates in order of k.
 * @param passHatK k &rarr; the mean pass^k (all k of k trials pass), likewise
 * @since 0.1.0
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record Figures(
        int total,
        int passed,
        int failed,
        int errors,
        OptionalDouble passRate,
        OptionalDouble passRateLow,
        OptionalDouble passRateHigh,
        Map<Integer, Double> passAtK,
        Map<Integer, Double> passHatK) {

    public Figures {
        if (passed < 0 || failed < 0 || errors < 0 || total != passed + failed + errors) {
            throw new IllegalArgumentException("need total = passed + failed + errors, none negative: "
                    + total + " != " + passed + " + " + failed + " + " + errors);
        }
        Objects.requireNonNull(passRate, "passRate");
        Objects.requireNonNull(passRateLow, "passRateLow");
        Objects.requireNonNull(passRateHigh, "passRateHigh");
        boolean scored = passed + failed > 0;
        if (passRate.isPresent() != scored || passRateLow.isPresent() != scored || passRateHigh.isPresent() != scored) {
            throw new IllegalArgumentException("the pass rate and its interval are given exactly when a task was scored");
        }
        passAtK = sorted(passAtK, "passAtK");
        passHatK = sorted(passHatK, "passHatK");
    }

    /**
     * @param tasks the results to count; never {@code null}
     * @return their figures
     */
    public static Figures of(Collection<TaskRecord> tasks) {
        Objects.requireNonNull(tasks, "tasks");
        int passed = count(tasks, TaskOutcome.PASSED);
        int failed = count(tasks, TaskOutcome.FAILED);
        int errors = count(tasks, TaskOutcome.ERROR);
        int scored = passed + failed;
        if (scored == 0) {
            return new Figures(tasks.size(), 0, 0, errors, OptionalDouble.empty(), OptionalDouble.empty(),
                    OptionalDouble.empty(), Map.of(), Map.of());
        }
        Statistics.Interval interval = Statistics.wilson(passed, scored);
        List<TaskRecord> scoredTasks = tasks.stream().filter(TaskRecord::scored).toList();
        int maxTrials = scoredTasks.stream().mapToInt(task -> task.trials().size()).max().orElse(1);
        Map<Integer, Double> passAtK = new TreeMap<>();
        Map<Integer, Double> passHatK = new TreeMap<>();
        if (maxTrials > 1) {
            for (int k = 1; k <= maxTrials; k++) {
                int trialsDrawn = k;
                List<TaskRecord> eligible = scoredTasks.stream().filter(task -> task.trials().size() >= trialsDrawn).toList();
                passAtK.put(k, eligible.stream()
                        .mapToDouble(task -> Statistics.passAtK(task.trials().size(), task.passedTrials(), trialsDrawn))
                        .average().orElseThrow());
                passHatK.put(k, eligible.stream()
                        .mapToDouble(task -> Statistics.passHatK(task.trials().size(), task.passedTrials(), trialsDrawn))
                        .average().orElseThrow());
            }
        }
        return new Figures(tasks.size(), passed, failed, errors, OptionalDouble.of((double) passed / scored),
                OptionalDouble.of(interval.low()), OptionalDouble.of(interval.high()), passAtK, passHatK);
    }

    /** @return tasks scored, that is passed or failed */
    public int scored() {
        return passed + failed;
    }

    private static int count(Collection<TaskRecord> tasks, TaskOutcome outcome) {
        return (int) tasks.stream().filter(task -> task.status() == outcome).count();
    }

    private static Map<Integer, Double> sorted(Map<Integer, Double> byK, String name) {
        SortedMap<Integer, Double> copy = new TreeMap<>(Objects.requireNonNull(byK, name));
        copy.forEach((k, value) -> {
            if (k == null || k < 1 || value == null || !(value >= 0 && value <= 1)) {
                throw new IllegalArgumentException(name + " maps k >= 1 to a value in [0, 1]: " + k + " -> " + value);
            }
        });
        return Collections.unmodifiableSortedMap(copy);
    }
}
