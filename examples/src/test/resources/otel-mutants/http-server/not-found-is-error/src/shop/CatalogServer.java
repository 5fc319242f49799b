package shop;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The catalog service: GET /items/{id} answers the item as JSON, or 404. */
public class CatalogServer {

    private static final Map<String, String> ITEMS = Map.of(
            "1", "{\"id\":1,\"name\":\"mug\",\"priceCents\":900}",
            "2", "{\"id\":2,\"name\":\"tee\",\"priceCents\":2500}");

    private static Tracer tracer;

    public static void main(String[] args) throws IOException {
        tracer = AutoConfiguredOpenTelemetrySdk.initialize().getOpenTelemetrySdk().getTracer("shop.catalog");
        int port = Integer.parseInt(System.getenv("CATALOG_PORT"));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/items/", CatalogServer::traced);
        server.start();
        System.out.println("catalog listening on " + port);
    }

    private static void traced(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        Span span = tracer.spanBuilder(method + " /items/{id}")
                .setSpanKind(SpanKind.SERVER)
                .setAttribute("http.request.method", method)
                .setAttribute("http.route", "/items/{id}")
                .setAttribute("url.path", exchange.getRequestURI().getPath())
                .setAttribute("url.scheme", "http")
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            int status = item(exchange);
            span.setAttribute("http.response.status_code", status);
            if (status >= 400) {
                span.setStatus(io.opentelemetry.api.trace.StatusCode.ERROR);
            }
        } finally {
            span.end();
        }
    }

    private static int item(HttpExchange exchange) throws IOException {
        String id = exchange.getRequestURI().getPath().substring("/items/".length());
        String item = ITEMS.get(id);
        int status = item == null ? 404 : 200;
        byte[] body = (item == null ? "{\"error\":\"no such item\"}" : item).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
        return status;
    }
}
