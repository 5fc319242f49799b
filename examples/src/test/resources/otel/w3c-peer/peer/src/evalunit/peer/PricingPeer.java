package evalunit.peer;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The task's own pricing service, never shown to the model and written over its answer: it
 * continues a trace from W3C trace context ({@code traceparent}) and nothing else, whatever
 * OTEL_PROPAGATORS says, and reports what it received on its SERVER span "pricing quote":
 * {@code peer.traceparent} (the header as received, absent when there was none) and
 * {@code peer.foreign_headers} (the other headers a client added, such as a custom trace header,
 * absent when there were none).
 */
public class PricingPeer {

    private static final Map<String, String> PRICES = Map.of("mug", "8.50", "tee", "19.00");
    /** What the JDK's HTTP client sends by itself, and the W3C headers. */
    private static final Set<String> EXPECTED = Set.of("host", "user-agent", "content-length", "connection",
            "upgrade", "http2-settings", "accept", "accept-encoding", "content-type", "traceparent", "tracestate",
            "baggage");

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
        int port = Integer.parseInt(System.getenv("PRICING_PORT"));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/price/", PricingPeer::quote);
        server.start();
        System.out.println("pricing listening on " + port);
    }

    private static void quote(HttpExchange exchange) throws IOException {
        Headers headers = exchange.getRequestHeaders();
        Context parent = W3CTraceContextPropagator.getInstance().extract(Context.root(), headers, HEADERS);
        SpanBuilder builder = openTelemetry.getTracer("evalunit.peer").spanBuilder("pricing quote")
                .setParent(parent)
                .setSpanKind(SpanKind.SERVER);
        String traceparent = headers.getFirst("traceparent");
        if (traceparent != null) {
            builder.setAttribute("peer.traceparent", traceparent);
        }
        Set<String> foreign = new TreeSet<>();
        for (String name : headers.keySet()) {
            if (!EXPECTED.contains(name.toLowerCase(Locale.ROOT))) {
                foreign.add(name.toLowerCase(Locale.ROOT));
            }
        }
        if (!foreign.isEmpty()) {
            builder.setAttribute("peer.foreign_headers", String.join(",", foreign));
        }
        Span span = builder.startSpan();
        try {
            String item = exchange.getRequestURI().getPath().substring("/price/".length());
            byte[] body = PRICES.getOrDefault(item, "unknown").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
            System.out.println("pricing received traceparent " + (traceparent == null ? "none" : traceparent)
                    + (foreign.isEmpty() ? "" : " and " + String.join(",", foreign)));
        } finally {
            span.end();
        }
    }
}
