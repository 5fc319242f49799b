package dev.evalunit.junit.engine;

import dev.evalunit.config.Constants;
import dev.evalunit.config.Settings;
import dev.evalunit.report.CheckRecord;
import dev.evalunit.report.TaskRecord;
import dev.evalunit.report.TrialRecord;
import dev.evalunit.run.TaskResult;
import dev.evalunit.run.TrialResult;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporterBuilder;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.DelegatingSpanData;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Sends every trial's spans to the user's own OTLP collector (Jaeger, Tempo, Phoenix, Langfuse)
 * with the SDK's OTLP/HTTP exporter. The trial's root span carries the suite, task, model, trial
 * and outcome as attributes and one {@code evalunit.check} event per check with its verdict. String
 * attributes are redacted as the results files are. A collector that is down costs one warning,
 * never a task.
 */
final class TraceExport implements AutoCloseable {

    static final AttributeKey<String> SUITE = AttributeKey.stringKey("evalunit.suite");
    static final AttributeKey<String> MODEL = AttributeKey.stringKey("evalunit.model");
    static final AttributeKey<String> TRIAL_OUTCOME = AttributeKey.stringKey("evalunit.trial.outcome");
    static final AttributeKey<String> TASK_OUTCOME = AttributeKey.stringKey("evalunit.task.outcome");
    static final String CHECK_EVENT = "evalunit.check";
    static final AttributeKey<String> CHECK_NAME = AttributeKey.stringKey("evalunit.check.name");
    static final AttributeKey<Boolean> CHECK_PASSED = AttributeKey.booleanKey("evalunit.check.passed");
    static final AttributeKey<String> CHECK_MESSAGE = AttributeKey.stringKey("evalunit.check.message");

    /** The SDK's exporter logs every failed export; the run says it once instead. Held so the level sticks. */
    private static final Logger EXPORTER_LOG = Logger.getLogger("io.opentelemetry.exporter");

    private final Optional<SpanExporter> exporter;
    private final String endpoint;
    private final AtomicBoolean warned = new AtomicBoolean();
    private final List<CompletableResultCode> pending = new ArrayList<>();

    private TraceExport(Optional<SpanExporter> exporter, String endpoint) {
        this.exporter = exporter;
        this.endpoint = endpoint;
    }

    static TraceExport none() {
        return new TraceExport(Optional.empty(), "");
    }

    /**
     * @throws IllegalArgumentException when the endpoint is not a URL or the protocol is not http/protobuf
     */
    static TraceExport fromSettings(Settings settings, Function<String, String> environment) {
        Optional<String> configured = settings.get(Constants.OTLP_ENDPOINT_PROPERTY_NAME).filter(value -> !value.isBlank());
        String tracesEndpoint = environment.apply("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT");
        String baseEndpoint = environment.apply("OTEL_EXPORTER_OTLP_ENDPOINT");
        String endpoint;
        if (configured.isPresent()) {
            endpoint = traces(configured.get().strip());
        } else if (tracesEndpoint != null && !tracesEndpoint.isBlank()) {
            endpoint = tracesEndpoint.strip();
        } else if (baseEndpoint != null && !baseEndpoint.isBlank()) {
            endpoint = traces(baseEndpoint.strip());
        } else {
            return none();
        }
        String protocol = Optional.ofNullable(environment.apply("OTEL_EXPORTER_OTLP_TRACES_PROTOCOL"))
                .or(() -> Optional.ofNullable(environment.apply("OTEL_EXPORTER_OTLP_PROTOCOL"))).orElse("http/protobuf");
        if (!protocol.strip().equals("http/protobuf")) {
            throw new IllegalArgumentException("OTEL_EXPORTER_OTLP_PROTOCOL is " + protocol + ", but EvalUnit exports spans"
                    + " over OTLP/HTTP (http/protobuf) only: point " + Constants.OTLP_ENDPOINT_PROPERTY_NAME
                    + " at the collector's HTTP port (usually 4318)");
        }
        OtlpHttpSpanExporterBuilder builder = OtlpHttpSpanExporter.builder();
        try {
            builder.setEndpoint(endpoint);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the OTLP endpoint \"" + endpoint + "\" is not an http(s) URL ("
                    + Constants.OTLP_ENDPOINT_PROPERTY_NAME + ", or OTEL_EXPORTER_OTLP_ENDPOINT): " + e.getMessage());
        }
        String headers = Optional.ofNullable(environment.apply("OTEL_EXPORTER_OTLP_TRACES_HEADERS"))
                .orElse(environment.apply("OTEL_EXPORTER_OTLP_HEADERS"));
        if (headers != null) {
            for (String header : headers.split(",")) {
                int equals = header.indexOf('=');
                if (equals > 0) {
                    builder.addHeader(header.substring(0, equals).strip(), header.substring(equals + 1).strip());
                }
            }
        }
        EXPORTER_LOG.setLevel(Level.OFF);
        return new TraceExport(Optional.of(builder.build()), endpoint);
    }

    private static String traces(String base) {
        String trimmed = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return trimmed.endsWith("/v1/traces") ? trimmed : trimmed + "/v1/traces";
    }

    void export(TaskRecord record, TaskResult result, UnaryOperator<String> redaction) {
        if (exporter.isEmpty()) {
            return;
        }
        List<SpanData> spans = new ArrayList<>();
        for (int i = 0; i < result.trials().size(); i++) {
            TrialResult trial = result.trials().get(i);
            TrialRecord trialRecord = record.trials().get(i);
            for (SpanData span : trial.spans()) {
                boolean root = !SpanId.isValid(span.getParentSpanId());
                spans.add(new Exported(span, redaction, root ? Optional.of(new Verdict(record, trialRecord)) : Optional.empty()));
            }
        }
        if (spans.isEmpty()) {
            return;
        }
        CompletableResultCode done = exporter.get().export(spans);
        synchronized (pending) {
            pending.removeIf(CompletableResultCode::isDone);
            pending.add(done);
        }
        done.whenComplete(() -> {
            if (!done.isSuccess() && warned.compareAndSet(false, true)) {
                System.err.println("EvalUnit could not export spans to " + endpoint + " ("
                        + Constants.OTLP_ENDPOINT_PROPERTY_NAME + "); the run goes on, this warning is not repeated"
                        + (done.getFailureThrowable() == null ? "" : ": " + done.getFailureThrowable().getMessage()));
            }
        });
    }

    @Override
    public void close() {
        exporter.ifPresent(spans -> {
            List<CompletableResultCode> waiting;
            synchronized (pending) {
                waiting = List.copyOf(pending);
            }
            CompletableResultCode.ofAll(waiting).join(10, TimeUnit.SECONDS);
            spans.shutdown().join(10, TimeUnit.SECONDS);
        });
    }

    private record Verdict(TaskRecord task, TrialRecord trial) {

        String trialOutcome() {
            return trial.errored() ? "error" : trial.passed() ? "passed" : "failed";
        }
    }

    /** A span as sent: string attributes redacted; the root with the task's verdict. */
    private static final class Exported extends DelegatingSpanData {

        private final Attributes attributes;
        private final List<EventData> events;

        Exported(SpanData span, UnaryOperator<String> redaction, Optional<Verdict> verdict) {
            super(span);
            AttributesBuilder builder = Attributes.builder();
            span.getAttributes().forEach((key, value) -> put(builder, key, value, redaction));
            List<EventData> allEvents = new ArrayList<>(span.getEvents());
            verdict.ifPresent(v -> {
                builder.put(SUITE, v.task().suite()).put(MODEL, v.task().model())
                        .put(TRIAL_OUTCOME, v.trialOutcome())
                        .put(TASK_OUTCOME, v.task().status().name().toLowerCase(Locale.ROOT));
                for (CheckRecord check : v.trial().checks()) {
                    allEvents.add(EventData.create(span.getEndEpochNanos(), CHECK_EVENT, Attributes.of(
                            CHECK_NAME, check.check(), CHECK_PASSED, check.passed(),
                            CHECK_MESSAGE, redaction.apply(check.message()))));
                }
            });
            this.attributes = builder.build();
            this.events = List.copyOf(allEvents);
        }

        @SuppressWarnings("unchecked")
        private static void put(AttributesBuilder builder, AttributeKey<?> key, Object value, UnaryOperator<String> redaction) {
            if (value instanceof String text) {
                builder.put((AttributeKey<String>) key, redaction.apply(text));
            } else {
                builder.put((AttributeKey<Object>) key, value);
            }
        }

        @Override
        public Attributes getAttributes() {
            return attributes;
        }

        @Override
        public List<EventData> getEvents() {
            return events;
        }

        @Override
        public int getTotalAttributeCount() {
            return attributes.size();
        }

        @Override
        public int getTotalRecordedEvents() {
            return events.size();
        }
    }
}
