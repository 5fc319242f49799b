package shop;

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

    private final List<Message> pending = new ArrayList<>();

    void send(String payment) {
        pending.add(new Message(payment, new HashMap<>()));
    }

    void settle() {
        long total = 0;
        for (Message message : pending) {
            total += Long.parseLong(message.body().split(":")[1]);
        }
        System.out.println("settled " + pending.size() + " payments, " + total + " cents");
        pending.clear();
    }

    public static void main(String[] args) {
        PaymentBatcher batcher = new PaymentBatcher();
        for (String payment : List.of("p-1:1200", "p-2:800", "p-3:4500", "p-4:99")) {
            batcher.send(payment);
        }
        batcher.settle();
    }
}
