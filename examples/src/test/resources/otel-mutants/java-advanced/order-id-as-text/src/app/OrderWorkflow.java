package app;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Fulfils a fixed batch of orders: stock is reserved and the card charged on a worker pool, the
 * charge asynchronously. Order 3 is over the card limit and is declined.
 */
public class OrderWorkflow {

    record Order(long id, String sku, long amountCents) {
    }

    static final List<Order> ORDERS = List.of(new Order(1, "mug", 900), new Order(2, "tee", 2500),
            new Order(3, "desk", 64000));
    static final long CARD_LIMIT_CENTS = 50000;

    private static Tracer tracer;

    public static void main(String[] args) throws Exception {
        OpenTelemetry openTelemetry = AutoConfiguredOpenTelemetrySdk.initialize().getOpenTelemetrySdk();
        tracer = openTelemetry.getTracer("app.orders");
        // Every task submitted to the pool runs in the context it was submitted from.
        ExecutorService workers = Context.taskWrapping(Executors.newFixedThreadPool(2));
        List<String> results = new ArrayList<>();
        List<SpanContext> orders = new ArrayList<>();
        try {
            for (Order order : ORDERS) {
                Span span = tracer.spanBuilder("fulfil order").setNoParent()
                        .setAttribute("order.id", String.valueOf(order.id())).setAttribute("order.sku", order.sku()).startSpan();
                try (Scope ignored = span.makeCurrent()) {
                    String result = fulfil(order, workers);
                    if (result.endsWith("declined")) {
                        span.setStatus(StatusCode.ERROR, "payment declined");
                    }
                    results.add(result);
                } finally {
                    span.end();
                }
                orders.add(span.getSpanContext());
            }
        } finally {
            workers.shutdown();
        }
        results.forEach(System.out::println);
        long shipped = results.stream().filter(result -> result.endsWith("shipped")).count();
        SpanBuilder summary = tracer.spanBuilder("summarize batch").setNoParent()
                .setAttribute("orders.shipped", shipped);
        orders.forEach(summary::addLink);
        summary.startSpan().end();
        System.out.println("summary: " + shipped + " of " + ORDERS.size() + " orders shipped");
    }

    static String fulfil(Order order, ExecutorService workers) throws Exception {
        workers.submit(() -> reserve(order)).get();
        boolean charged = CompletableFuture.supplyAsync(() -> charge(order), workers).get();
        return "order " + order.id() + (charged ? " shipped" : " declined");
    }

    static void reserve(Order order) {
        tracer.spanBuilder("reserve stock").setAttribute("order.sku", order.sku()).startSpan().end();
    }

    static boolean charge(Order order) {
        Span span = tracer.spanBuilder("charge payment").setAttribute("payment.amount_cents", order.amountCents())
                .startSpan();
        try {
            boolean charged = order.amountCents() <= CARD_LIMIT_CENTS;
            if (charged) {
                span.addEvent("payment.authorized");
            } else {
                span.addEvent("payment.declined", Attributes.of(AttributeKey.longKey("card.limit_cents"),
                        CARD_LIMIT_CENTS));
                span.setStatus(StatusCode.ERROR, "over the card limit");
            }
            return charged;
        } finally {
            span.end();
        }
    }
}
