package app;

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

/** The ledger service: GET /balance/{account} answers the account's balance in cents. */
public class LedgerServer {

    private static final Map<String, Long> BALANCES = Map.of("acct-1", 12000L, "acct-2", 450L);

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
        int port = Integer.parseInt(System.getenv("LEDGER_PORT"));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/balance/", LedgerServer::traced);
        server.start();
        System.out.println("ledger listening on " + port);
    }

    private static void traced(HttpExchange exchange) throws IOException {
        // W3C traceparent and baggage: the autoconfigured propagators read both.
        Context caller = openTelemetry.getPropagators().getTextMapPropagator()
                .extract(Context.root(), exchange.getRequestHeaders(), HEADERS);
        Span span = openTelemetry.getTracer("app.ledger").spanBuilder("GET /balance/{account}")
                .setSpanKind(SpanKind.SERVER)
                .setAttribute("http.request.method", "GET")
                .setAttribute("http.route", "/balance/{account}")
                .startSpan();
        String tier = Baggage.fromContext(caller).getEntryValue("customer.tier");
        if (tier != null) {
            span.setAttribute("customer.tier", tier);
        }
        try (Scope ignored = caller.with(span).makeCurrent()) {
            span.setAttribute("http.response.status_code", (long) balance(exchange));
        } finally {
            span.end();
        }
    }

    static int balance(HttpExchange exchange) throws IOException {
        String account = exchange.getRequestURI().getPath().substring("/balance/".length());
        Long balance = BALANCES.get(account);
        byte[] body = (balance == null ? "unknown account" : String.valueOf(balance)).getBytes(StandardCharsets.UTF_8);
        int status = balance == null ? 404 : 200;
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
        return status;
    }
}
