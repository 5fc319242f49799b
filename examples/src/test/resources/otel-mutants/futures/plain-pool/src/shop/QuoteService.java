package shop;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/** Quotes prices: the base price and the discount come from services called asynchronously. */
public class QuoteService {

    private final ExecutorService pool = Executors.newFixedThreadPool(2);
    private final Tracer tracer;

    QuoteService(Tracer tracer) {
        this.tracer = tracer;
    }

    /** The caller must have made the quote's span current; each stage runs in the context it was chained in. */
    CompletableFuture<String> quote(String sku) {
        Executor traced = pool;
        return CompletableFuture.supplyAsync(() -> inSpan("fetch base price", () -> fetchBasePrice(sku)), traced)
                .thenApplyAsync(price -> inSpan("apply discount", () -> applyDiscount(sku, price)), traced)
                .thenApply(price -> sku + " costs " + price + " cents");
    }

    private <T> T inSpan(String name, Supplier<T> work) {
        Span span = tracer.spanBuilder(name).startSpan();
        try (Scope ignored = span.makeCurrent()) {
            return work.get();
        } finally {
            span.end();
        }
    }

    private long fetchBasePrice(String sku) {
        return sku.equals("mug") ? 1200 : 3000;
    }

    private long applyDiscount(String sku, long price) {
        return sku.equals("mug") ? price * 90 / 100 : price;
    }

    public static void main(String[] args) {
        Tracer tracer = AutoConfiguredOpenTelemetrySdk.initialize().getOpenTelemetrySdk().getTracer("shop.quotes");
        QuoteService service = new QuoteService(tracer);
        try {
            for (String sku : List.of("mug", "lamp")) {
                Span span = tracer.spanBuilder("quote").setAttribute("product.sku", sku).startSpan();
                try (Scope ignored = span.makeCurrent()) {
                    System.out.println(service.quote(sku).join());
                } finally {
                    span.end();
                }
            }
        } finally {
            service.pool.shutdown();
        }
    }
}
