package shop;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The catalog service: GET /items/{id} answers the item as JSON, or 404. */
public class CatalogServer {

    private static final Map<String, String> ITEMS = Map.of(
            "1", "{\"id\":1,\"name\":\"mug\",\"priceCents\":900}",
            "2", "{\"id\":2,\"name\":\"tee\",\"priceCents\":2500}");

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(System.getenv("CATALOG_PORT"));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/items/", CatalogServer::item);
        server.start();
        System.out.println("catalog listening on " + port);
    }

    private static void item(HttpExchange exchange) throws IOException {
        String id = exchange.getRequestURI().getPath().substring("/items/".length());
        String item = ITEMS.get(id);
        int status = item == null ? 404 : 200;
        byte[] body = (item == null ? "{\"error\":\"no such item\"}" : item).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
