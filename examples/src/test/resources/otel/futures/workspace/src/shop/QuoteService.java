package shop;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Quotes prices: the base price and the discount come from services called asynchronously. */
public class QuoteService {

    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    CompletableFuture<String> quote(String sku) {
        return CompletableFuture.supplyAsync(() -> fetchBasePrice(sku), pool)
                .thenApplyAsync(price -> applyDiscount(sku, price), pool)
                .thenApply(price -> sku + " costs " + price + " cents");
    }

    private long fetchBasePrice(String sku) {
        return sku.equals("mug") ? 1200 : 3000;
    }

    private long applyDiscount(String sku, long price) {
        return sku.equals("mug") ? price * 90 / 100 : price;
    }

    public static void main(String[] args) {
        QuoteService service = new QuoteService();
        try {
            for (String sku : List.of("mug", "lamp")) {
                System.out.println(service.quote(sku).join());
            }
        } finally {
            service.pool.shutdown();
        }
    }
}
