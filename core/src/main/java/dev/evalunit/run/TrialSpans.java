package dev.evalunit.run;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The span store of one trial: an OpenTelemetry SDK of its own over an in-memory exporter.
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

    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
    private final InFlightSpans inFlight = new InFlightSpans();
    private final SdkTracerProvider provider;
    private final OpenTelemetry openTelemetry;

    TrialSpans() {
        provider = SdkTracerProvider.builder()
                .setResource(RESOURCE)
                .addSpanProcessor(SimpleSpanProcessor.create(exporter))
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
        provider.forceFlush().join(10, TimeUnit.SECONDS);
        return exporter.getFinishedSpanItems();
    }

    @Override
    public void close() {
        provider.shutdown().join(10, TimeUnit.SECONDS);
    }
}
