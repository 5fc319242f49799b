package dev.evalunit.run;

import dev.evalunit.check.CheckResult;
import dev.evalunit.model.GenAiAttributes;
import dev.evalunit.report.CheckRecord;
import dev.evalunit.report.TaskRecord;
import dev.evalunit.report.TrialRecord;
import dev.evalunit.task.Task;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.apiguardian.api.API;

import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * Turns what the runner produced into the records a results file holds, so that the results
 * module knows nothing of trials, spans or models.
 */
@API(status = INTERNAL, since = "0.2.0")
public final class TaskRecords {

    private TaskRecords() {
    }

    /**
     * Converts what the runner produced into the record a results file holds.
     *
     * @param result the task's result; never {@code null}
     * @param suite the suite's name, e.g. the {@code @EvalSuite} class's name; never {@code null}
     * @param file the task file as a user would recognise it; never {@code null}
     * @param durationMs how long the task took, all trials included
     * @return the record; never {@code null}
     */
    public static TaskRecord of(TaskResult result, String suite, String file, long durationMs) {
        return of(result, suite, file, durationMs, UnaryOperator.identity());
    }

    /**
     * Converts what the runner produced into the record a results file holds, with each trial's
     * conversation and spans passed through {@code redaction} first.
     *
     * @param result the task's result; never {@code null}
     * @param suite the suite's name, e.g. the {@code @EvalSuite} class's name; never {@code null}
     * @param file the task file as a user would recognise it; never {@code null}
     * @param durationMs how long the task took, all trials included
     * @param redaction removes secrets (the model's API key) from any text kept; never {@code null}
     * @return the record; never {@code null}
     */
    public static TaskRecord of(TaskResult result, String suite, String file, long durationMs,
            UnaryOperator<String> redaction) {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(redaction, "redaction");
        List<TrialRecord> trials = result.trials().stream().map(trial -> trial(result.task(), trial, redaction)).toList();
        return new TaskRecord(suite, result.task().id(), file, result.model(), result.task().tags(), result.outcome(),
                trials, result.passedTrials(), result.task().pass().toString(), durationMs,
                TaskVersion.of(result.task()), result.task().cluster());
    }

    private static TrialRecord trial(Task task, TrialResult trial, UnaryOperator<String> redaction) {
        List<CheckRecord> checks = trial.checks().stream().map(TaskRecords::check).toList();
        return new TrialRecord(trial.trial(), trial.passed(), trial.duration().toMillis(), checks,
                chatTokens(trial.spans(), GenAiAttributes.USAGE_INPUT_TOKENS),
                chatTokens(trial.spans(), GenAiAttributes.USAGE_OUTPUT_TOKENS),
                trial.failure(), trial.errorDescription(), TrialTrace.transcript(task, trial, redaction),
                TrialTrace.spans(trial.spans(), redaction));
    }

    private static long chatTokens(List<SpanData> spans, AttributeKey<Long> key) {
        return spans.stream()
                .filter(span -> GenAiAttributes.OPERATION_CHAT.equals(span.getAttributes().get(GenAiAttributes.OPERATION_NAME)))
                .map(span -> span.getAttributes().get(key))
                .filter(Objects::nonNull)
                .mapToLong(Long::longValue)
                .sum();
    }

    private static CheckRecord check(CheckResult result) {
        return new CheckRecord(result.label(), result.passed(), result.message());
    }
}
