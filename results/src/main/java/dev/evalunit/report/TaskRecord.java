package dev.evalunit.report;

import org.apiguardian.api.API;


import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

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
@API(status = EXPERIMENTAL, since = "0.1.0")
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
     * @return this task without what only a reader of the task itself needs (each trial's checks,
     *         transcript and spans, and the text of its failure or error, whose presence stays):
     *         what figures over a whole run need, at a fraction of the memory
     */
    public TaskRecord outline() {
        List<TrialRecord> outlined = trials.stream().map(trial -> new TrialRecord(trial.trial(), trial.passed(),
                trial.durationMs(), List.of(), trial.inputTokens(), trial.outputTokens(),
                trial.failure().map(text -> ""), trial.error().map(text -> ""))).toList();
        return new TaskRecord(suite, task, file, model, tags, status, outlined, passedTrials, pass, durationMs, version,
                clusterKey);
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
}
