package dev.evalunit.run;

import org.apiguardian.api.API;

import dev.evalunit.check.CheckResult;
import dev.evalunit.check.Evidence;
import io.opentelemetry.sdk.trace.data.SpanData;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

/**
 * What one trial of a task came to.
 *
 * @param trial the trial's number, from 1
 * @param output the final answer; empty when there was none
 * @param checks every check's outcome; empty when the trial stopped before it answered
 * @param failure why the trial failed without an answer to check (it timed out, it looped on
 *        tools), when it did
 * @param error why the trial could not be scored (the endpoint failed, the agent threw), when it
 *        could not; already free of secrets
 * @param duration how long the trial took
 * @param spans every span of the trial
 * @param evidence what the trial's checks were evaluated on: the answer, the spans (those a
 *        program exported included) and the attachments judged checks need, so that checks
 *        written in Java grade a trial exactly as its task's checks did
 * @since 0.1.0
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record TrialResult(
        int trial,
        String output,
        List<CheckResult> checks,
        Optional<String> failure,
        Optional<Throwable> error,
        Duration duration,
        List<SpanData> spans,
        Evidence evidence) {

    public TrialResult {
        Objects.requireNonNull(output, "output");
        checks = List.copyOf(Objects.requireNonNull(checks, "checks"));
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(duration, "duration");
        spans = List.copyOf(Objects.requireNonNull(spans, "spans"));
        Objects.requireNonNull(evidence, "evidence");
    }

    /** A trial whose evidence is its answer and its spans, with no attachments. */
    public TrialResult(int trial, String output, List<CheckResult> checks, Optional<String> failure,
            Optional<Throwable> error, Duration duration, List<SpanData> spans) {
        this(trial, output, checks, failure, error, duration, spans, new Evidence(output, spans));
    }

    /** @return whether the trial was scored and every check held */
    public boolean passed() {
        return error.isEmpty() && failure.isEmpty() && checks.stream().allMatch(CheckResult::passed);
    }

    /** @return whether the trial could not be scored */
    public boolean errored() {
        return error.isPresent();
    }

    /**
     * @return why the trial could not be scored, on one line with every distinct cause, as reports
     *         and results files show it; empty when it was scored
     */
    public Optional<String> errorDescription() {
        return error.map(ErrorDescriptions::describe);
    }

    /** @return the checks that failed */
    public List<CheckResult> failedChecks() {
        return checks.stream().filter(check -> !check.passed()).collect(java.util.stream.Collectors.toList());
    }
}
