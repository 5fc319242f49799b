package shop;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;

import java.util.List;

/** Processes the day's orders: validate, reserve stock, charge. */
public class OrderProcessor {

    record Order(String id, String sku, int quantity, long amountCents) {
    }

    private final Inventory inventory = new Inventory();
    private final Tracer tracer;

    OrderProcessor(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("shop.orders");
    }

    void process(Order order) {
        Span span = tracer.spanBuilder("process order").setAttribute("order.id", order.id()).startSpan();
        try (Scope ignored = span.makeCurrent()) {
            step("validate", () -> validate(order));
            step("charge payment", () -> charge(order));
            step("reserve inventory", () -> inventory.reserve(order.sku(), order.quantity()));
        } finally {
            span.end();
        }
    }

    private void step(String name, Runnable work) {
        Span span = tracer.spanBuilder(name).startSpan();
        try (Scope ignored = span.makeCurrent()) {
            work.run();
        } finally {
            span.end();
        }
    }

    private void validate(Order order) {
        if (order.quantity() <= 0) {
            throw new IllegalArgumentException("quantity must be positive: " + order.id());
        }
    }

    private void charge(Order order) {
        // The payment provider is stubbed in this program.
        System.out.println("charged " + order.amountCents() + " cents for " + order.id());
    }

    public static void main(String[] args) {
        OpenTelemetry openTelemetry = AutoConfiguredOpenTelemetrySdk.initialize().getOpenTelemetrySdk();
        List<Order> orders = List.of(
                new Order("o-1001", "mug", 2, 1800),
                new Order("o-1002", "tee", 1, 2500),
                new Order("o-1003", "cap", 3, 4500));
        OrderProcessor processor = new OrderProcessor(openTelemetry);
        for (Order order : orders) {
            processor.process(order);
        }
        System.out.println("processed " + orders.size() + " orders");
    }
}
