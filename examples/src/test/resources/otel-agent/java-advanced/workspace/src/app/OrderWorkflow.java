package app;

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

    public static void main(String[] args) throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(2);
        List<String> results = new ArrayList<>();
        try {
            for (Order order : ORDERS) {
                results.add(fulfil(order, workers));
            }
        } finally {
            workers.shutdown();
        }
        results.forEach(System.out::println);
        System.out.println("summary: " + results.stream().filter(result -> result.endsWith("shipped")).count()
                + " of " + ORDERS.size() + " orders shipped");
    }

    static String fulfil(Order order, ExecutorService workers) throws Exception {
        workers.submit(() -> reserve(order)).get();
        boolean charged = CompletableFuture.supplyAsync(() -> charge(order), workers).get();
        return "order " + order.id() + (charged ? " shipped" : " declined");
    }

    static void reserve(Order order) {
        // Reserving is bookkeeping only in this example.
    }

    static boolean charge(Order order) {
        return order.amountCents() <= CARD_LIMIT_CENTS;
    }
}
