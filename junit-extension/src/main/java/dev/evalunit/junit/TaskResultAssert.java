package dev.evalunit.junit;

import org.apiguardian.api.API;

import dev.evalunit.report.TaskOutcome;
import dev.evalunit.run.TaskResult;
import org.assertj.core.api.AbstractAssert;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

/**
 * Assertions on a task's verdict, with the task's own failure report as the message.
 *
 * @since 0.1.0
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class TaskResultAssert extends AbstractAssert<TaskResultAssert, TaskResult> {

    TaskResultAssert(TaskResult actual) {
        super(actual, TaskResultAssert.class);
    }

    /**
     * @return this, when the task passed
     * @throws NotScoredException when the task could not be scored (an error, not a failure)
     */
    public TaskResultAssert passed() {
        return hasOutcome(TaskOutcome.PASSED);
    }

    /**
     * @return this, when the task was scored and failed
     * @throws NotScoredException when the task could not be scored (an error, not a failure)
     */
    public TaskResultAssert failed() {
        return hasOutcome(TaskOutcome.FAILED);
    }

    /** @return this, when the task could not be scored */
    public TaskResultAssert errored() {
        return hasOutcome(TaskOutcome.ERROR);
    }

    private TaskResultAssert hasOutcome(TaskOutcome expected) {
        isNotNull();
        TaskOutcome outcome = actual.outcome();
        if (outcome == TaskOutcome.ERROR && expected != TaskOutcome.ERROR) {
            // An error, not a failure, as the engine reports it: nothing was scored.
            throw new NotScoredException("task " + actual.task().id() + " could not be scored:\n"
                    + actual.errorReport(), actual.trials().stream().flatMap(trial -> trial.error().stream())
                    .findFirst().orElse(null));
        }
        if (outcome != expected) {
            String details = outcome == TaskOutcome.ERROR ? actual.errorReport() : actual.failureReport();
            failWithMessage("expected task %s to be %s but it %s:%n%s", actual.task().id(),
                    expected.name().toLowerCase(java.util.Locale.ROOT),
                    outcome == TaskOutcome.PASSED ? "passed" : outcome == TaskOutcome.FAILED ? "failed" : "errored",
                    details);
        }
        return this;
    }
}
