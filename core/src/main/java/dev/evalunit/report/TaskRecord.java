package dev.evalunit.report;

import dev.evalunit.model.GenAiAttributes;
import dev.evalunit.run.TaskOutcome;
import dev.evalunit.run.TaskResult;
import dev.evalunit.run.TrialResult;
import dev.evalunit.task.Task;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.trace.data.SpanData;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * One finished task against one model: a line of {@code results.jsonl}.
 *
 * @param suite the suite the task belongs to, e.g. {@code com.acme.SreEvalTest}; never {@code null}
 * @param task the task's id, unique within its suite, e.g. {@code tools/oom}; never {@code null}
 * @param file the task file as a user would recognise it, e.g. {@code sre/tools/oom.yaml}; never {@code null}
 * @param model the name of the model under test; never {@code null}
 * @param tags the task's tags; never {@code null}
 * @param status the verdict; never {@code null}
 * @param trials every trial, in order; never empty
 * @param passedTrials how many trials passed
 * @param pass the pass policy as written in task files: {@code all}, {@code any} or a number; never {@code null}
 * @param durationMs how long the task took, all trials included, in milliseconds
 * @param version a hash of the task as it was run (its file, its input), so a resumed run can tell
 *        an unchanged task from a changed one; empty when unknown (then the task is never skipped)
 * @param clusterKey the task's {@code cluster:} key, when its file sets one; never {@code null}
 * @since 0.1.0
 */
public record TaskRecord(
        String suite,
        String task,
        String file,
        String model,
        List<String> tags,
        TaskOutcome status,
        List<TrialRecord> trials,
        int passedTrials,
        String pass,
        long durationMs,
        Optional<String> version,
        Optional<String> clusterKey) {

    public TaskRecord {
        Objects.requireNonNull(suite, "suite");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(model, "model");
        tags = List.copyOf(Objects.requireNonNull(tags, "tags"));
        Objects.requireNonNull(status, "status");
        trials = List.copyOf(Objects.requireNonNull(trials, "trials"));
        if (trials.isEmpty()) {
            throw new IllegalArgumentException("a task record needs at least one trial: " + suite + " " + task);
        }
        if (passedTrials < 0 || passedTrials > trials.size()) {
            throw new IllegalArgumentException("passedTrials must be between 0 and " + trials.size() + ": " + passedTrials);
        }
        Objects.requireNonNull(pass, "pass");
        if (durationMs < 0) {
            throw new IllegalArgumentException("durationMs cannot be negative: " + durationMs);
        }
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(clusterKey, "clusterKey");
    }

    /** A record without a task version (a resumed run never skips it) nor a {@code cluster:} key (clustered by its file). */
    public TaskRecord(String suite, String task, String file, String model, List<String> tags, TaskOutcome status,
            List<TrialRecord> trials, int passedTrials, String pass, long durationMs) {
        this(suite, task, file, model, tags, status, trials, passedTrials, pass, durationMs, Optional.empty(), Optional.empty());
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

    /** @return the key that identifies this task in a run: suite, task and model */
    public TaskKey key() {
        return new TaskKey(suite, task, model);
    }

    /**
     * @return the group of tasks this one is not independent of, for clustered standard errors: its
     *         {@code cluster:} key, else its task file, which the rows of one dataset and the variants of
     *         one template share
     */
    public String cluster() {
        return clusterKey.orElse(file);
    }

    /** @return whether the task was scored, that is passed or failed rather than errored */
    public boolean scored() {
        return status != TaskOutcome.ERROR;
    }

    private static TrialRecord trial(Task task, TrialResult trial, UnaryOperator<String> redaction) {
        List<CheckRecord> checks = trial.checks().stream().map(CheckRecord::of).toList();
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
}
