package dev.evalunit.junit.engine;

import dev.evalunit.config.Constants;
import dev.evalunit.report.CheckRecord;
import dev.evalunit.report.TaskRecord;
import dev.evalunit.report.TrialRecord;

/** The failure message of a task whose failed result was carried over from an earlier, stopped build. */
final class ResumedFailure {

    private ResumedFailure() {
    }

    static String message(TaskRecord earlier) {
        StringBuilder text = new StringBuilder(earlier.task()).append(" [").append(earlier.model()).append("]: ")
                .append(earlier.passedTrials()).append(" of ").append(earlier.trials().size())
                .append(earlier.trials().size() == 1 ? " trial" : " trials").append(" passed (pass: ")
                .append(earlier.pass()).append("), scored by an earlier build and carried over (")
                .append(Constants.RESUME_PROPERTY_NAME).append("=true; the task has not changed since)");
        for (TrialRecord trial : earlier.trials()) {
            String prefix = earlier.trials().size() == 1 ? "  " : "  trial " + trial.trial() + ": ";
            trial.failure().ifPresent(failure -> text.append('\n').append(prefix).append(failure));
            for (CheckRecord check : trial.checks()) {
                if (!check.passed()) {
                    text.append('\n').append(prefix).append(check.check()).append(": ").append(check.message());
                }
            }
        }
        return text.toString();
    }
}
