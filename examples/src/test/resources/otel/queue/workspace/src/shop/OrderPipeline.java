package shop;

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

    private final BlockingQueue<Message> orders = new LinkedBlockingQueue<>();

    void publish(String order) throws InterruptedException {
        orders.put(new Message(order, new HashMap<>()));
    }

    void consume() throws InterruptedException {
        for (Message message = orders.take(); message != STOP; message = orders.take()) {
            fulfil(message);
        }
    }

    private void fulfil(Message message) {
        System.out.println("fulfilled " + message.body());
    }

    public static void main(String[] args) throws Exception {
        OrderPipeline pipeline = new OrderPipeline();
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
