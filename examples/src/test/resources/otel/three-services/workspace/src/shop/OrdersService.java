package shop;

/** Orders: POST /orders with a SKU charges its price through payments and answers the order. */
public class OrdersService {

    public static void main(String[] args) throws Exception {
        Http.serve("ORDERS_PORT", "/orders", exchange -> {
            String sku = Http.body(exchange);
            try {
                String charge = Http.post("PAYMENTS_PORT", "/charge", sku.equals("mug") ? "900" : "2500");
                Http.reply(exchange, "order for " + sku + " paid with " + charge);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.IOException(e);
            }
        });
        System.out.println("orders listening");
    }
}
