package shop;

import java.util.HashMap;
import java.util.Map;

/** Stock levels, in memory. */
class Inventory {

    private final Map<String, Integer> stock = new HashMap<>(Map.of("mug", 10, "tee", 5, "cap", 8));

    void reserve(String sku, int quantity) {
        int left = stock.getOrDefault(sku, 0) - quantity;
        if (left < 0) {
            throw new IllegalStateException("out of stock: " + sku);
        }
        stock.put(sku, left);
    }
}
