package shop;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The inventory service, behind the gateway: GET /stock/{sku} answers how many are in stock. */
public class InventoryServer {

    private static final Map<String, Integer> STOCK = Map.of("mug", 12, "tee", 0, "lamp", 3);

    private static final TextMapGetter<Headers> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            return headers.keySet();
        }

        @Override
        public String get(Headers headers, String key) {
            return headers == null ? null : headers.getFirst(key);
        }
    };

    private static OpenTelemetry openTelemetry;

    public static void main(String[] args) throws IOException {
        openTelemetry = AutoConfiguredOpenTelemetrySdk.initialize().getOpenTelemetrySdk();
        int port = Integer.parseInt(System.getenv("INVENTORY_PORT"));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/stock/", InventoryServer::traced);
        server.start();
        System.out.println("inventory listening on " + port);
    }

    private static void traced(HttpExchange exchange) throws IOException {
        Context parent = openTelemetry.getPropagators().getTextMapPropagator()
                .extract(Context.root(), exchange.getRequestHeaders(), HEADERS);
        Span span = openTelemetry.getTracer("shop.inventory").spanBuilder("GET /stock/{sku}")
                .setParent(parent)
                .setSpanKind(SpanKind.SERVER)
                .setAttribute("http.request.method", "GET")
                .setAttribute("http.route", "/stock/{sku}")
                .setAttribute("url.path", exchange.getRequestURI().getPath())
                .startSpan();
        // The baggage came with the request: it is in the extracted context, not in the current one.
        String tier = Baggage.fromContext(parent).getEntryValue("customer.tier");
        if (tier != null) {
            span.setAttribute("customer.tier", tier);
        }
        try (Scope ignored = span.makeCurrent()) {
            stock(exchange);
            span.setAttribute("http.response.status_code", 200L);
        } finally {
            span.end();
        }
    }

    static void stock(HttpExchange exchange) throws IOException {
        String sku = exchange.getRequestURI().getPath().substring("/stock/".length());
        byte[] body = String.valueOf(STOCK.getOrDefault(sku, 0)).getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
