package shop;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;

import java.util.List;
import java.util.Map;

/** Serves the requests of the load balancer and of customers, one after the other; traced. */
public class Gateway {

    private static final Map<String, String> ORDERS = Map.of("/orders/1", "2 mugs", "/orders/2", "1 tee");

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
        Tracer tracer = AutoConfiguredOpenTelemetrySdk.initialize().getOpenTelemetrySdk().getTracer("shop.gateway");
        Gateway gateway = new Gateway(tracer);
        for (String path : List.of("/health", "/orders/1", "/health", "/orders/2", "/health")) {
            System.out.println(path + " -> " + gateway.handle(path));
        }
    }
}
