package shop;

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

/** Asks the pricing service what two products cost. */
public class QuoteClient {

    private static OpenTelemetry openTelemetry;
    private static Tracer tracer;

    public static void main(String[] args) throws Exception {
        openTelemetry = AutoConfiguredOpenTelemetrySdk.initialize().getOpenTelemetrySdk();
        tracer = openTelemetry.getTracer("shop.quotes");
        String pricing = "http://127.0.0.1:" + System.getenv("PRICING_PORT");
        HttpClient client = HttpClient.newHttpClient();
        for (String item : new String[] {"mug", "tee"}) {
            Span quote = tracer.spanBuilder("quote").setAttribute("quote.item", item).startSpan();
            try (Scope ignored = quote.makeCurrent()) {
                System.out.println(item + " costs " + quote(client, pricing, item));
            } finally {
                quote.end();
            }
        }
    }

    static String quote(HttpClient client, String pricing, String item) throws Exception {
        URI uri = URI.create(pricing + "/price/" + item);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        openTelemetry.getPropagators().getTextMapPropagator()
                .inject(Context.current(), request, HttpRequest.Builder::header);
        Span span = tracer.spanBuilder("GET")
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute("http.request.method", "GET")
                .setAttribute("url.full", uri.toString())
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            span.setAttribute("http.response.status_code", (long) response.statusCode());
            return response.body();
        } finally {
            span.end();
        }
    }
}
