package shop;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** Checkout publishes orders to an in-memory queue; a fulfilment thread consumes them. */
public class OrderPipeline {

    /** A message: a body and headers, like a broker's. */
    record Message(String body, Map<String, String> headers) {
    }

    private static final Message STOP = new Message("", Map.of());

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

    private final BlockingQueue<Message> orders = new LinkedBlockingQueue<>();
    private final Tracer tracer;
    private final TextMapPropagator propagator;

    OrderPipeline(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("shop.pipeline");
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    }

    void publish(String order) throws InterruptedException {
        Span span = tracer.spanBuilder("publish orders")
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.destination.name", "orders")
                .setAttribute("messaging.operation.type", "send")
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            Map<String, String> headers = new HashMap<>();
            propagator.inject(Context.current(), headers, Map::put);
            orders.put(new Message(order, headers));
        } finally {
            span.end();
        }
    }

    void consume() throws InterruptedException {
        Context sent = null;
        for (Message message = orders.take(); message != STOP; message = orders.take()) {
            if (sent == null) {
                sent = propagator.extract(Context.root(), message.headers(), HEADERS);
            }
            Span span = tracer.spanBuilder("process orders")
                    .setParent(sent)
                    .setSpanKind(SpanKind.CONSUMER)
                    .setAttribute("messaging.destination.name", "orders")
                    .setAttribute("messaging.operation.type", "process")
                    .startSpan();
            try (Scope ignored = span.makeCurrent()) {
                fulfil(message);
            } finally {
                span.end();
            }
        }
    }

    private void fulfil(Message message) {
        System.out.println("fulfilled " + message.body());
    }

    public static void main(String[] args) throws Exception {
        OrderPipeline pipeline = new OrderPipeline(AutoConfiguredOpenTelemetrySdk.initialize().getOpenTelemetrySdk());
        Thread consumer = new Thread(() -> {
            try {
                pipeline.consume();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "fulfilment");
        consumer.start();
        for (String order : List.of("order-1", "order-2", "order-3")) {
            pipeline.publish(order);
        }
        pipeline.orders.put(STOP);
        consumer.join();
    }
}
