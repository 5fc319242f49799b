package dev.evalunit.check;

import org.apiguardian.api.API;

import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.trace.data.SpanData;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.stream.Collectors;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

/**
 * What happened when the program a trial's answer was built into ran: each process's exit and
 * output, and the spans, log records and metrics the run exported. Attached to a trial's {@link Evidence}
 * ({@code evidence.attachment(RunOutcome.class)}) for the checks of {@link RunChecks}.
 *
 * @param processes every process started, in start order; never {@code null}
 * @param exportedSpans the spans the processes exported, in the order received; never {@code null}
 * @param exportedLogs the log records the processes exported ({@code /v1/logs}), in the order
 *        received; never {@code null}
 * @param exportedMetrics the metrics the processes exported ({@code /v1/metrics}), one per metric
 *        per export, in the order received; never {@code null}
 * @since 0.1.0
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record RunOutcome(List<ProcessOutcome> processes, List<SpanData> exportedSpans,
                         List<LogRecordData> exportedLogs, List<MetricData> exportedMetrics) {

    public RunOutcome {
        processes = List.copyOf(Objects.requireNonNull(processes, "processes"));
        exportedSpans = List.copyOf(Objects.requireNonNull(exportedSpans, "exportedSpans"));
        exportedLogs = List.copyOf(Objects.requireNonNull(exportedLogs, "exportedLogs"));
        exportedMetrics = List.copyOf(Objects.requireNonNull(exportedMetrics, "exportedMetrics"));
    }

    /** A run that exported spans only: no log record, no metric. */
    public RunOutcome(List<ProcessOutcome> processes, List<SpanData> exportedSpans) {
        this(processes, exportedSpans, List.of(), List.of());
    }

    /**
     * One process of the run.
     *
     * @param name the process's name in the task; never {@code null}
     * @param exitCode its exit code when it exited by itself; empty when the engine stopped it
     *        (a service once the run was over, a process that hung or printed without bound)
     * @param output what it printed, standard output and standard error together, up to the run's
     *        limit; never {@code null}
     * @param duration how long it ran; never {@code null}
     */
    public record ProcessOutcome(String name, OptionalInt exitCode, String output, Duration duration) {

        public ProcessOutcome {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(exitCode, "exitCode");
            Objects.requireNonNull(output, "output");
            Objects.requireNonNull(duration, "duration");
        }
    }

    /** @return every process's output, in start order */
    public String output() {
        return processes.stream().map(ProcessOutcome::output).collect(Collectors.joining());
    }

    /** @return the exported spans by trace id, traces in the order their first span was received */
    public Map<String, List<SpanData>> traces() {
        return exportedSpans.stream().collect(Collectors.groupingBy(SpanData::getTraceId, LinkedHashMap::new,
                Collectors.toList()));
    }
}
