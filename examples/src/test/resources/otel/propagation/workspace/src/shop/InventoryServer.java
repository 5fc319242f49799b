package shop;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The inventory service: GET /stock/{sku} answers how many are in stock. */
public class InventoryServer {

    private static final Map<String, Integer> STOCK = Map.of("mug", 12, "tee", 0);

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(System.getenv("INVENTORY_PORT"));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/stock/", InventoryServer::stock);
        server.start();
        System.out.println("inventory listening on " + port);
    }

    static void stock(HttpExchange exchange) throws IOException {
        String sku = exchange.getRequestURI().getPath().substring("/stock/".length());
        byte[] body = String.valueOf(STOCK.getOrDefault(sku, 0)).getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
