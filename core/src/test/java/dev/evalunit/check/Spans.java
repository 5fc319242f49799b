package dev.evalunit.check;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;

import java.time.Instant;
import java.util.List;

/**
 * Real SDK spans for check tests: a tracer over an in-memory exporter, and a builder that sets
 * parent, attributes, status and, where order matters, explicit times in milliseconds after
 * {@link #T0}.
 */
final class Spans {

    static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
    private final SdkTracerProvider provider = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(exporter))
            .build();
    private final Tracer tracer = provider.get("evalunit-test");

    /** @return a span to describe, then {@link Builder#start() start} or {@link Builder#end() end} */
    Builder span(String name) {
        return new Builder(tracer.spanBuilder(name).setNoParent());
    }

    /** @return a span made by a tracer (instrumentation scope) of that name */
    Builder span(String scope, String name) {
        return new Builder(provider.get(scope).spanBuilder(name).setNoParent());
    }

    /** @return the spans ended so far, in end order as the exporter has them */
    List<SpanData> finished() {
        return exporter.getFinishedSpanItems();
    }

    /** @return the ended spans with an empty answer */
    Evidence evidence() {
        return new Evidence("", finished());
    }

    static Instant at(long millis) {
        return T0.plusMillis(millis);
    }

    static final class Builder {

        private final SpanBuilder builder;
        private StatusCode status;
        private String description = "";
        private Instant end;

        private Builder(SpanBuilder builder) {
            this.builder = builder;
        }

        Builder parent(Span parent) {
            builder.setParent(Context.root().with(parent));
            return this;
        }

        Builder attribute(String key, String value) {
            builder.setAttribute(key, value);
            return this;
        }

        Builder attribute(String key, long value) {
            builder.setAttribute(key, value);
            return this;
        }

        Builder attribute(String key, double value) {
            builder.setAttribute(key, value);
            return this;
        }

        Builder arrayAttribute(String key, String... values) {
            builder.setAttribute(AttributeKey.stringArrayKey(key), List.of(values));
            return this;
        }

        /** The tool call arguments failure messages show next to a span's name. */
        Builder arguments(String json) {
            return attribute("gen_ai.tool.call.arguments", json);
        }

        Builder status(StatusCode status) {
            this.status = status;
            return this;
        }

        Builder status(StatusCode status, String description) {
            this.status = status;
            this.description = description;
            return this;
        }

        Builder kind(io.opentelemetry.api.trace.SpanKind kind) {
            builder.setSpanKind(kind);
            return this;
        }

        Builder link(Span to) {
            builder.addLink(to.getSpanContext());
            return this;
        }

        Builder between(long startMillis, long endMillis) {
            builder.setStartTimestamp(at(startMillis));
            end = at(endMillis);
            return this;
        }

        /** @return the span, started and not ended, to parent others; end it before evaluating */
        Span start() {
            Span span = builder.startSpan();
            if (status != null) {
                span.setStatus(status, description);
            }
            return span;
        }

        /** @return the span, ended at the time given to {@link #between} or now */
        Span end() {
            Span span = start();
            if (end == null) {
                span.end();
            } else {
                span.end(end);
            }
            return span;
        }
    }
}
