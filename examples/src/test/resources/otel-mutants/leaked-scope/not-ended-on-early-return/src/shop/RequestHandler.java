package shop;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;

import java.util.List;
import java.util.Map;

/** Handles requests one after the other; instrumented by a previous change. */
public class RequestHandler {

    private static final Map<String, String> ORDERS = Map.of("/orders/1", "2 mugs", "/orders/2", "1 tee");

    private final Tracer tracer;

    RequestHandler(Tracer tracer) {
        this.tracer = tracer;
    }

    String handle(String path) {
        Span span = tracer.spanBuilder("handle request").setAttribute("url.path", path).startSpan();
        // The scope must be closed and the span ended on every path out, the early return included.
        try (Scope ignored = span.makeCurrent()) {
            if (path.equals("/health")) {
                return "ok";
            }
            String result = lookup(path);
            span.end();
            return result;
        }
    }

    private String lookup(String path) {
        Span span = tracer.spanBuilder("lookup").startSpan();
        try (Scope ignored = span.makeCurrent()) {
            return ORDERS.getOrDefault(path, "none");
        } finally {
            span.end();
        }
    }

    public static void main(String[] args) {
        Tracer tracer = AutoConfiguredOpenTelemetrySdk.initialize().getOpenTelemetrySdk().getTracer("shop.requests");
        RequestHandler handler = new RequestHandler(tracer);
        for (String path : List.of("/orders/1", "/health", "/orders/2")) {
            System.out.println(path + " -> " + handler.handle(path));
        }
    }
}
