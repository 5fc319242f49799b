package dev.evalunit.run;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The span store of one trial: an OpenTelemetry tracer provider of its own that keeps its ended spans.
 * Nothing is shared between trials, so trials that run at the same time cannot see each other's
 * spans, and a finished trial's spans go away with its result.
 */
final class TrialSpans implements AutoCloseable {

    static final String INSTRUMENTATION_SCOPE = "dev.evalunit";

    private static final Resource RESOURCE = Resource.getDefault()
            .merge(Resource.create(Attributes.of(io.opentelemetry.api.common.AttributeKey.stringKey("service.name"),
                    "evalunit")));

    private static final ContextPropagators PROPAGATORS =
            ContextPropagators.create(W3CTraceContextPropagator.getInstance());

    private final EndedSpans ended = new EndedSpans();
    private final InFlightSpans inFlight = new InFlightSpans();
    private final SdkTracerProvider provider;
    private final OpenTelemetry openTelemetry;

    TrialSpans() {
        provider = SdkTracerProvider.builder()
                .setResource(RESOURCE)
                // Not SimpleSpanProcessor over an in-memory exporter: its builder reads every system
                // property for each trial, and the export is one more step before a span is seen.
                .addSpanProcessor(ended)
                .addSpanProcessor(inFlight)
                .build();
        // Traces only: OpenTelemetrySdk would also build a meter and a logger provider for every
        // trial, which nothing reads (metrics and logs an agent makes go to no-op providers).
        SdkTracerProvider tracers = provider;
        openTelemetry = new OpenTelemetry() {
            @Override
            public TracerProvider getTracerProvider() {
                return tracers;
            }

            @Override
            public ContextPropagators getPropagators() {
                return PROPAGATORS;
            }
        };
    }

    OpenTelemetry openTelemetry() {
        return openTelemetry;
    }

    Tracer tracer() {
        return provider.get(INSTRUMENTATION_SCOPE);
    }

    /** @return what is running in the trial now, its root aside */
    InFlightSpans.Snapshot inFlight() {
        return inFlight.snapshot();
    }

    /** @return every span ended so far, in the order they ended */
    List<SpanData> finished() {
        return ended.spans();
    }

    @Override
    public void close() {
        provider.shutdown().join(10, TimeUnit.SECONDS);
    }

    /** Keeps every sampled span as it ends, in that order. */
    private static final class EndedSpans implements SpanProcessor {

        private final List<SpanData> spans = new ArrayList<>();

        @Override
        public void onStart(Context parentContext, ReadWriteSpan span) {
            // only ended spans are kept
        }

        @Override
        public boolean isStartRequired() {
            return false;
        }

        @Override
        public void onEnd(ReadableSpan span) {
            if (span.getSpanContext().isSampled()) {
                SpanData data = span.toSpanData();
                synchronized (this) {
                    spans.add(data);
                }
            }
        }

        @Override
        public boolean isEndRequired() {
            return true;
        }

        synchronized List<SpanData> spans() {
            return List.copyOf(spans);
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
