package shop;

/** Payments: POST /charge with an amount in cents answers a charge id. */
public class PaymentsService {

    public static void main(String[] args) throws Exception {
        Http.serve("PAYMENTS_PORT", "/charge", exchange -> {
            String amount = Http.body(exchange);
            Http.reply(exchange, "ch_" + amount);
        });
        System.out.println("payments listening");
    }
}
