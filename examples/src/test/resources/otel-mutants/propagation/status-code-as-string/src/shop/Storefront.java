package shop;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The storefront asks the inventory service whether two products are in stock. */
public class Storefront {

    private static OpenTelemetry openTelemetry;

    public static void main(String[] args) throws Exception {
        openTelemetry = AutoConfiguredOpenTelemetrySdk.initialize().getOpenTelemetrySdk();
        String inventory = "http://127.0.0.1:" + System.getenv("INVENTORY_PORT");
        HttpClient client = HttpClient.newHttpClient();
        for (String sku : new String[] {"mug", "tee"}) {
            System.out.println(sku + " in stock: " + stock(client, inventory, sku));
        }
    }

    static String stock(HttpClient client, String inventory, String sku) throws Exception {
        URI uri = URI.create(inventory + "/stock/" + sku);
        Span span = openTelemetry.getTracer("shop.storefront").spanBuilder("GET")
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute("http.request.method", "GET")
                .setAttribute("url.full", uri.toString())
                .setAttribute("server.address", uri.getHost())
                .setAttribute("server.port", (long) uri.getPort())
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri);
            openTelemetry.getPropagators().getTextMapPropagator()
                    .inject(Context.current(), request, HttpRequest.Builder::header);
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            span.setAttribute("http.response.status_code", String.valueOf(response.statusCode()));
            return response.body();
        } finally {
            span.end();
        }
    }
}
