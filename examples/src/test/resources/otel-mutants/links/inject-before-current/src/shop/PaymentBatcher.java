package shop;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Payment requests arrive one by one from the checkout; settlement sends them to the bank in one
 * batch.
 */
public class PaymentBatcher {

    /** A message: a body and headers, like a broker's. */
    record Message(String body, Map<String, String> headers) {
    }

    private static final TextMapGetter<Map<String, String>> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> headers) {
            return headers.keySet();
        }

        @Override
        public String get(Map<String, String> headers, String key) {
            return headers == null ? null : headers.get(key);
        }
    };

    private final List<Message> pending = new ArrayList<>();
    private final Tracer tracer;
    private final TextMapPropagator propagator;

    PaymentBatcher(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("shop.payments");
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    }

    void send(String payment) {
        Span span = tracer.spanBuilder("send payments")
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.destination.name", "payments")
                .startSpan();
        Map<String, String> headers = new HashMap<>();
        propagator.inject(Context.current(), headers, Map::put);
        try (Scope ignored = span.makeCurrent()) {
            pending.add(new Message(payment, headers));
        } finally {
            span.end();
        }
    }

    void settle() {
        // A batch has many producers: it starts a trace of its own and links to each message's span.
        SpanBuilder builder = tracer.spanBuilder("process payments")
                .setNoParent()
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.destination.name", "payments")
                .setAttribute("messaging.batch.message_count", (long) pending.size());
        for (Message message : pending) {
            builder.addLink(Span.fromContext(propagator.extract(Context.root(), message.headers(), HEADERS))
                    .getSpanContext());
        }
        Span span = builder.startSpan();
        try (Scope ignored = span.makeCurrent()) {
            long total = 0;
            for (Message message : pending) {
                total += Long.parseLong(message.body().split(":")[1]);
            }
            System.out.println("settled " + pending.size() + " payments, " + total + " cents");
            pending.clear();
        } finally {
            span.end();
        }
    }

    public static void main(String[] args) {
        PaymentBatcher batcher = new PaymentBatcher(AutoConfiguredOpenTelemetrySdk.initialize().getOpenTelemetrySdk());
        for (String payment : List.of("p-1:1200", "p-2:800", "p-3:4500", "p-4:99")) {
            batcher.send(payment);
        }
        batcher.settle();
    }
}
