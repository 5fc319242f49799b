package shop;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The storefront asks the inventory service whether two products are in stock. */
public class Storefront {

    public static void main(String[] args) throws Exception {
        String inventory = "http://127.0.0.1:" + System.getenv("INVENTORY_PORT");
        HttpClient client = HttpClient.newHttpClient();
        for (String sku : new String[] {"mug", "tee"}) {
            System.out.println(sku + " in stock: " + stock(client, inventory, sku));
        }
    }

    static String stock(HttpClient client, String inventory, String sku) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(inventory + "/stock/" + sku)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }
}
