package shop;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/** The storefront checks the stock of each order's product, through the API gateway. */
public class Storefront {

    /** An order; a guest has no customer tier (null). */
    record Order(String sku, String customerTier) {
    }

    private static final List<Order> ORDERS = List.of(
            new Order("mug", "gold"), new Order("tee", "basic"), new Order("lamp", null));

    private static OpenTelemetry openTelemetry;

    public static void main(String[] args) throws Exception {
        openTelemetry = AutoConfiguredOpenTelemetrySdk.initialize().getOpenTelemetrySdk();
        String gateway = "http://127.0.0.1:" + System.getenv("GATEWAY_PORT");
        HttpClient client = HttpClient.newHttpClient();
        for (Order order : ORDERS) {
            System.out.println(order.sku() + " in stock: " + stock(client, gateway, order));
        }
    }

    static String stock(HttpClient client, String gateway, Order order) throws Exception {
        URI uri = URI.create(gateway + "/stock/" + order.sku());
        Context withTier = order.customerTier() == null ? Context.current()
                : Context.current().with(Baggage.builder().put("customer.tier", order.customerTier()).build());
        Span span = openTelemetry.getTracer("shop.storefront").spanBuilder("GET")
                .setParent(withTier)
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute("http.request.method", "GET")
                .setAttribute("url.full", uri.toString())
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri);
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
