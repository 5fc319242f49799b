package shop;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
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

    private static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
    private static final AttributeKey<String> ROUTE = AttributeKey.stringKey("http.route");
    private static final AttributeKey<String> SCHEME = AttributeKey.stringKey("url.scheme");
    private static final AttributeKey<Long> STATUS_CODE = AttributeKey.longKey("http.response.status_code");
    private static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    private static final Attributes FOUND = Attributes.of(AttributeKey.booleanKey("catalog.item.found"), true);
    private static final Attributes NOT_FOUND = Attributes.of(AttributeKey.booleanKey("catalog.item.found"), false);

    private static Tracer tracer;
    private static DoubleHistogram requestDuration;
    private static LongCounter lookups;

    public static void main(String[] args) throws IOException {
        OpenTelemetry openTelemetry = AutoConfiguredOpenTelemetrySdk.builder()
                // The metrics backend needs cumulative sums: this wins over the launcher's
                // OTEL_EXPORTER_OTLP_METRICS_TEMPORALITY_PREFERENCE, which is meant for another backend.
                .addPropertiesCustomizer(config ->
                        Map.of("otel.exporter.otlp.metrics.temporality.preference", "cumulative"))
                .build()
                .getOpenTelemetrySdk();
        tracer = openTelemetry.getTracer("shop.catalog");
        Meter meter = openTelemetry.getMeter("shop.catalog");
        requestDuration = meter.histogramBuilder("http.server.request.duration")
                .setUnit("ms")
                .setDescription("Duration of HTTP server requests.")
                .build();
        lookups = meter.counterBuilder("catalog.item.lookups")
                .setUnit("{lookup}")
                .setDescription("Item lookups, by whether the item exists.")
                .build();
        int port = Integer.parseInt(System.getenv("CATALOG_PORT"));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/items/", exchange -> traced(exchange, "/items/{id}"));
        server.createContext("/health", exchange -> traced(exchange, "/health"));
        server.start();
        System.out.println("catalog listening on " + port);
    }

    private static void traced(HttpExchange exchange, String route) throws IOException {
        long start = System.nanoTime();
        String method = exchange.getRequestMethod();
        AttributesBuilder measured = Attributes.builder().put(METHOD, method).put(ROUTE, route).put(SCHEME, "http");
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
            measured.put(STATUS_CODE, status);
        } catch (IOException | RuntimeException e) {
            measured.put(ERROR_TYPE, e.getClass().getName());
            throw e;
        } finally {
            span.end();
            requestDuration.record((System.nanoTime() - start) / 1e6, measured.build());
        }
    }

    private static int health(HttpExchange exchange) throws IOException {
        return respond(exchange, 200, "{\"status\":\"ok\"}");
    }

    private static int item(HttpExchange exchange) throws IOException {
        String id = exchange.getRequestURI().getPath().substring("/items/".length());
        String item = lookup(id);
        lookups.add(1, item == null ? NOT_FOUND : FOUND);
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
