package shop;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Asks the pricing service what two products cost. */
public class QuoteClient {

    public static void main(String[] args) throws Exception {
        String pricing = "http://127.0.0.1:" + System.getenv("PRICING_PORT");
        HttpClient client = HttpClient.newHttpClient();
        for (String item : new String[] {"mug", "tee"}) {
            System.out.println(item + " costs " + quote(client, pricing, item));
        }
    }

    static String quote(HttpClient client, String pricing, String item) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(pricing + "/price/" + item)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }
}
