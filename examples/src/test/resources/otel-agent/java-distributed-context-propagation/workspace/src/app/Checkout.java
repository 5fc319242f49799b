package app;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** Checks out two customers, asking the ledger service for each one's balance first. */
public class Checkout {

    /** Each customer's account and loyalty tier; fixed, so that every run is the same. */
    static final Map<String, String> TIERS = new java.util.TreeMap<>(Map.of("acct-1", "gold", "acct-2", "silver"));

    public static void main(String[] args) throws Exception {
        String ledger = "http://127.0.0.1:" + System.getenv("LEDGER_PORT");
        HttpClient client = HttpClient.newHttpClient();
        for (Map.Entry<String, String> customer : TIERS.entrySet()) {
            String balance = balance(client, ledger, customer.getKey());
            System.out.println("checkout " + customer.getKey() + " (" + customer.getValue() + "): balance " + balance);
        }
    }

    static String balance(HttpClient client, String ledger, String account) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(ledger + "/balance/" + account)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }
}
