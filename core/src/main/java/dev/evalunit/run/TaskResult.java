package dev.evalunit.run;

import org.apiguardian.api.API;

import dev.evalunit.check.CheckResult;
import dev.evalunit.task.Task;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import dev.evalunit.report.TaskOutcome;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

/**
 * What a task came to over all its trials, against one model.
 *
 * @param task the task; never {@code null}
 * @param model the name of the model under test; never {@code null}
 * @param trials every trial, in order; never empty
 * @since 0.1.0
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record TaskResult(Task task, String model, List<TrialResult> trials) {

    public TaskResult {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(model, "model");
        trials = List.copyOf(Objects.requireNonNull(trials, "trials"));
        if (trials.isEmpty()) {
            throw new IllegalArgumentException("a task result needs at least one trial");
        }
    }

    /** @return how many trials passed */
    public int passedTrials() {
        return (int) trials.stream().filter(TrialResult::passed).count();
    }

    /**
     * @return {@link TaskOutcome#ERROR} when any trial could not be scored (a partial score would
     *         mislead), else whether the task's pass policy is met
     */
    public TaskOutcome outcome() {
        if (trials.stream().anyMatch(TrialResult::errored)) {
            return TaskOutcome.ERROR;
        }
        return task.pass().passes(passedTrials(), trials.size()) ? TaskOutcome.PASSED : TaskOutcome.FAILED;
    }

    /**
     * @return a report for a failed task: the tally, then every failed check of every failed
     *         trial, one a line, e.g. {@code output: expected to contain "Paris", was "…Lyon…"}
     */
    public String failureReport() {
        StringBuilder report = new StringBuilder();
        report.append(task.id()).append(" [").append(model).append("]: ").append(passedTrials()).append(" of ")
                .append(trials.size()).append(trials.size() == 1 ? " trial" : " trials").append(" passed (pass: ")
                .append(task.pass()).append(")");
        for (TrialResult trial : trials) {
            if (trial.passed()) {
                continue;
            }
            String indent = "  ";
            if (trials.size() > 1) {
                report.append("\n  trial ").append(trial.trial()).append(':');
                indent = "    ";
            }
            if (trial.failure().isPresent()) {
                report.append('\n').append(indent).append(trial.failure().get());
            }
            if (trial.error().isPresent()) {
                report.append('\n').append(indent).append("error: ").append(trial.errorDescription().get());
            }
            for (CheckResult check : trial.failedChecks()) {
                report.append('\n').append(indent).append(check);
            }
        }
        return report.toString();
    }

    /** @return a report for a task that could not be scored, naming each trial's error */
    public String errorReport() {
        return task.id() + " [" + model + "] could not be scored: " + trials.stream()
                .filter(TrialResult::errored)
                .map(trial -> (trials.size() > 1 ? "trial " + trial.trial() + ": " : "")
                        + trial.errorDescription().get())
                .collect(Collectors.joining("; "));
    }
}
