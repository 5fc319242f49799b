package dev.evalunit.code;

import org.apiguardian.api.API;

import dev.evalunit.check.Evidence;
import dev.evalunit.check.RunOutcome;
import io.opentelemetry.sdk.trace.data.SpanData;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * What building and running a code task's answer came to. Nothing is left behind: the
 * processes have ended, the receiver is closed and the temporary directory is removed.
 *
 * @param failure why the trial fails without its checks (the answer names no file, it does not
 *        compile, a process hung, never became ready, printed without bound, nothing was
 *        exported), when it does; the message says which
 * @param spans every span the run's processes exported, with their resources and scopes; never {@code null}
 * @param outcome each process's exit and output, and the spans, log records and metrics; never {@code null}
 * @param duration how long building and running took; never {@code null}
 * @since 0.1.0
 */
@API(status = INTERNAL, since = "0.1.0")
public record CodeRun(Optional<String> failure, List<SpanData> spans, RunOutcome outcome, Duration duration) {

    public CodeRun {
        Objects.requireNonNull(failure, "failure");
        spans = List.copyOf(Objects.requireNonNull(spans, "spans"));
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(duration, "duration");
    }

    /** @return whether the trial fails on the run itself, before any check */
    public boolean failed() {
        return failure.isPresent();
    }

    /**
     * @param redaction replaces secrets (API keys) in text; never {@code null}
     * @return this run with its failure and every process's output redacted, so that checks quote
     *         and results hold only redacted text (redacted before anything is cut short)
     */
    public CodeRun redacted(UnaryOperator<String> redaction) {
        Objects.requireNonNull(redaction, "redaction");
        List<RunOutcome.ProcessOutcome> processes = outcome.processes().stream()
                .map(p -> new RunOutcome.ProcessOutcome(p.name(), p.exitCode(), redaction.apply(p.output()), p.duration()))
                .toList();
        return new CodeRun(failure.map(redaction), spans, new RunOutcome(processes, outcome.exportedSpans(),
                outcome.exportedLogs(), outcome.exportedMetrics()), duration);
    }

    /**
     * @param evidence the trial's evidence (the answer and the trial's own spans); never {@code null}
     * @return that evidence with the run's spans joined to the trial's and the {@link RunOutcome}
     *         attached, for the task's checks
     */
    public Evidence addTo(Evidence evidence) {
        return evidence.withMoreSpans(spans).with(RunOutcome.class, outcome);
    }
}
