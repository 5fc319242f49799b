package shop;

import java.util.List;

/** Processes the day's orders: validate, reserve stock, charge. */
public class OrderProcessor {

    record Order(String id, String sku, int quantity, long amountCents) {
    }

    private final Inventory inventory = new Inventory();

    void process(Order order) {
        validate(order);
        inventory.reserve(order.sku(), order.quantity());
        charge(order);
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
        List<Order> orders = List.of(
                new Order("o-1001", "mug", 2, 1800),
                new Order("o-1002", "tee", 1, 2500),
                new Order("o-1003", "cap", 3, 4500));
        OrderProcessor processor = new OrderProcessor();
        for (Order order : orders) {
            processor.process(order);
        }
        System.out.println("processed " + orders.size() + " orders");
    }
}
