package shop;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;

import java.util.List;
import java.util.Map;

/** Serves the requests of the load balancer and of customers, one after the other; traced. */
public class Gateway {

    private static final Map<String, String> ORDERS = Map.of("/orders/1", "2 mugs", "/orders/2", "1 tee");

    private static final AttributeKey<String> URL_PATH = AttributeKey.stringKey("url.path");

    /** Drops health checks at their root; ParentBased makes their children follow that decision. */
    static final Sampler NO_HEALTH_CHECKS = Sampler.parentBased(new Sampler() {
        @Override
        public SamplingResult shouldSample(Context parentContext, String traceId, String name, SpanKind spanKind,
                                           Attributes attributes, List<LinkData> parentLinks) {
            return "/health".equals(attributes.get(URL_PATH)) ? SamplingResult.drop() : SamplingResult.recordAndSample();
        }

        @Override
        public String getDescription() {
            return "NoHealthChecks";
        }
    });

    private final Tracer tracer;

    Gateway(Tracer tracer) {
        this.tracer = tracer;
    }

    String handle(String path) {
        // url.path is set on the builder, so it is known when the span starts.
        Span span = tracer.spanBuilder("GET").setSpanKind(SpanKind.SERVER).setAttribute("url.path", path).startSpan();
        try (Scope ignored = span.makeCurrent()) {
            if (path.equals("/health")) {
                return inSpan("ping database", () -> "ok");
            }
            return inSpan("lookup order", () -> ORDERS.getOrDefault(path, "none"));
        } finally {
            span.end();
        }
    }

    private String inSpan(String name, java.util.function.Supplier<String> work) {
        Span span = tracer.spanBuilder(name).startSpan();
        try (Scope ignored = span.makeCurrent()) {
            return work.get();
        } finally {
            span.end();
        }
    }

    public static void main(String[] args) {
        Tracer tracer = AutoConfiguredOpenTelemetrySdk.builder()
                .addSamplerCustomizer((configured, config) -> NO_HEALTH_CHECKS)
                .build()
                .getOpenTelemetrySdk()
                .getTracer("shop.gateway");
        Gateway gateway = new Gateway(tracer);
        for (String path : List.of("/health", "/orders/1", "/health", "/orders/2", "/health")) {
            System.out.println(path + " -> " + gateway.handle(path));
        }
    }
}
