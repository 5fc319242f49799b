package app;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** Checks out two customers, asking the ledger service for each one's balance first. */
public class Checkout {

    /** Each customer's account and loyalty tier; fixed, so that every run is the same. */
    static final Map<String, String> TIERS = new java.util.TreeMap<>(Map.of("acct-1", "gold", "acct-2", "silver"));

    private static OpenTelemetry openTelemetry;
    private static Tracer tracer;

    public static void main(String[] args) throws Exception {
        openTelemetry = AutoConfiguredOpenTelemetrySdk.initialize().getOpenTelemetrySdk();
        tracer = openTelemetry.getTracer("app.checkout");
        String ledger = "http://127.0.0.1:" + System.getenv("LEDGER_PORT");
        HttpClient client = HttpClient.newHttpClient();
        for (Map.Entry<String, String> customer : TIERS.entrySet()) {
            Span checkout = tracer.spanBuilder("checkout").setNoParent()
                    .setAttribute("customer.account", customer.getKey()).startSpan();
            try (Scope ignored = checkout.makeCurrent()) {
                String balance = balance(client, ledger, customer.getKey(), customer.getValue());
                System.out.println("checkout " + customer.getKey() + " (" + customer.getValue() + "): balance "
                        + balance);
            } finally {
                checkout.end();
            }
        }
    }

    static String balance(HttpClient client, String ledger, String account, String tier) throws Exception {
        URI uri = URI.create(ledger + "/balance/" + account);
        Span span = tracer.spanBuilder("GET").setSpanKind(SpanKind.CLIENT)
                .setAttribute("http.request.method", "GET")
                .setAttribute("url.full", uri.toString())
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("X-Customer-Tier", tier);
            openTelemetry.getPropagators().getTextMapPropagator()
                    .inject(Context.current(), request, HttpRequest.Builder::header);
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            span.setAttribute("http.response.status_code", (long) response.statusCode());
            return response.body();
        } finally {
            span.end();
        }
    }
}
