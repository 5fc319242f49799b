package shop;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * What the three services share: a server on a port from the environment, and a POST; both traced,
 * with the trace context carried in W3C headers.
 */
final class Http {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final OpenTelemetry OTEL = AutoConfiguredOpenTelemetrySdk.initialize().getOpenTelemetrySdk();

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

    private Http() {
    }

    static HttpServer serve(String portVariable, String path, HttpHandler handler) throws IOException {
        int port = Integer.parseInt(System.getenv(portVariable));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext(path, exchange -> {
            Context parent = OTEL.getPropagators().getTextMapPropagator()
                    .extract(Context.root(), exchange.getRequestHeaders(), HEADERS);
            Span span = OTEL.getTracer("shop.http").spanBuilder("POST " + path)
                    .setParent(Context.current())
                    .setSpanKind(SpanKind.SERVER)
                    .setAttribute("http.request.method", "POST")
                    .setAttribute("http.route", path)
                    .startSpan();
            try (Scope ignored = span.makeCurrent()) {
                handler.handle(exchange);
                span.setAttribute("http.response.status_code", 200L);
            } finally {
                span.end();
            }
        });
        server.start();
        return server;
    }

    static String post(String portVariable, String path, String body) throws IOException, InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + System.getenv(portVariable) + path);
        Span span = OTEL.getTracer("shop.http").spanBuilder("POST")
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute("http.request.method", "POST")
                .setAttribute("url.full", uri.toString())
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(body));
            OTEL.getPropagators().getTextMapPropagator().inject(Context.current(), request, HttpRequest.Builder::header);
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            span.setAttribute("http.response.status_code", (long) response.statusCode());
            return response.body();
        } finally {
            span.end();
        }
    }

    static String body(HttpExchange exchange) throws IOException {
        return new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }

    static void reply(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
