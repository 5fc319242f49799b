package shop;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The catalog service: GET /items/{id} answers the item as JSON, or 404; GET /health answers ok. */
public class CatalogServer {

    private static final Map<String, String> ITEMS = Map.of(
            "1", "{\"id\":1,\"name\":\"mug\",\"priceCents\":900}",
            "2", "{\"id\":2,\"name\":\"tee\",\"priceCents\":2500}");

    private static Tracer tracer;

    public static void main(String[] args) throws IOException {
        OpenTelemetry openTelemetry = AutoConfiguredOpenTelemetrySdk.initialize().getOpenTelemetrySdk();
        tracer = openTelemetry.getTracer("shop.catalog");
        int port = Integer.parseInt(System.getenv("CATALOG_PORT"));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/items/", exchange -> traced(exchange, "/items/{id}"));
        server.createContext("/health", exchange -> traced(exchange, "/health"));
        server.start();
        System.out.println("catalog listening on " + port);
    }

    private static void traced(HttpExchange exchange, String route) throws IOException {
        String method = exchange.getRequestMethod();
        Span span = tracer.spanBuilder(method + " " + route)
                .setSpanKind(SpanKind.SERVER)
                .setAttribute("http.request.method", method)
                .setAttribute("http.route", route)
                .setAttribute("url.path", exchange.getRequestURI().getPath())
                .setAttribute("url.scheme", "http")
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            int status = route.equals("/health") ? health(exchange) : item(exchange);
            span.setAttribute("http.response.status_code", status);
        } finally {
            span.end();
        }
    }

    private static int health(HttpExchange exchange) throws IOException {
        return respond(exchange, 200, "{\"status\":\"ok\"}");
    }

    private static int item(HttpExchange exchange) throws IOException {
        String id = exchange.getRequestURI().getPath().substring("/items/".length());
        String item = lookup(id);
        return item == null ? respond(exchange, 404, "{\"error\":\"no such item\"}") : respond(exchange, 200, item);
    }

    /** The item store: it takes about 20 ms to answer. */
    private static String lookup(String id) {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ITEMS.get(id);
    }

    private static int respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
        return status;
    }
}
