package shop;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;

public class App {
    public static void main(String[] args) {
        Tracer tracer = AutoConfiguredOpenTelemetrySdk.initialize().getOpenTelemetrySdk().getTracer("shop.app");
        Span order = tracer.spanBuilder("place order").startSpan();
        try (Scope ignored = order.makeCurrent()) {
            Span charge = tracer.spanBuilder("charge").startSpan();
            charge.recordException(new IllegalStateException("card declined"));
            charge.setStatus(StatusCode.ERROR);
            charge.end();
        } finally {
            order.end();
        }
        System.out.println("order placed");
    }
}
