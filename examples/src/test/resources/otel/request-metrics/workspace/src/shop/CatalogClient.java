package shop;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Checks the catalog's health, asks it for four items and prints what it answered. */
public class CatalogClient {

    public static void main(String[] args) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (String path : new String[] {"/health", "/items/1", "/items/2", "/items/42", "/items/1"}) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + args[0] + path)).build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            System.out.println(response.statusCode() + " " + path + " " + response.body());
        }
    }
}
