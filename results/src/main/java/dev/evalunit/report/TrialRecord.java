package dev.evalunit.report;

import org.apiguardian.api.API;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

/**
 * One trial of a task, as a results file holds it.
 *
 * @param trial the trial's number, from 1
 * @param passed whether the trial was scored and every check held
 * @param durationMs how long the trial took, in milliseconds
 * @param checks every check's outcome, in task-file order; empty when the trial stopped before it answered
 * @param inputTokens tokens read, summed over the trial's model calls ({@code chat} spans)
 * @param outputTokens tokens written, summed over the trial's model calls
 * @param failure why the trial failed without an answer to check (it timed out, it looped on tools)
 * @param error why the trial could not be scored (the endpoint failed, the agent threw), free of secrets
 * @param transcript the conversation: the task's messages, the tool calls with their results, the
 *        answer; redacted and bounded; empty in results written before it was kept
 * @param spans the trial's spans for the report's waterfall; redacted and bounded; empty in results
 *        written before they were kept
 * @since 0.1.0
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record TrialRecord(
        int trial,
        boolean passed,
        long durationMs,
        List<CheckRecord> checks,
        long inputTokens,
        long outputTokens,
        Optional<String> failure,
        Optional<String> error,
        List<MessageRecord> transcript,
        List<SpanRecord> spans) {

    public TrialRecord {
        if (trial < 1) {
            throw new IllegalArgumentException("trial numbers start at 1: " + trial);
        }
        if (durationMs < 0 || inputTokens < 0 || outputTokens < 0) {
            throw new IllegalArgumentException("durations and token counts cannot be negative");
        }
        checks = List.copyOf(Objects.requireNonNull(checks, "checks"));
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(error, "error");
        transcript = List.copyOf(Objects.requireNonNull(transcript, "transcript"));
        spans = List.copyOf(Objects.requireNonNull(spans, "spans"));
    }

    /** A trial without its conversation and spans, as results written before they were kept. */
    public TrialRecord(int trial, boolean passed, long durationMs, List<CheckRecord> checks, long inputTokens,
            long outputTokens, Optional<String> failure, Optional<String> error) {
        this(trial, passed, durationMs, checks, inputTokens, outputTokens, failure, error, List.of(), List.of());
    }

    /** @return whether the trial could not be scored */
    public boolean errored() {
        return error.isPresent();
    }
}
