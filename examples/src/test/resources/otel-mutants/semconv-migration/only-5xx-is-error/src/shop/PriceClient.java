package shop;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Looks prices up from the pricing service (started in this process for the example). */
public class PriceClient {

    private final HttpClient client = HttpClient.newHttpClient();
    private final Tracer tracer;

    PriceClient(Tracer tracer) {
        this.tracer = tracer;
    }

    String price(URI uri) throws Exception {
        Span span = tracer.spanBuilder("GET").setSpanKind(SpanKind.CLIENT)
                .setAttribute("http.request.method", "GET")
                .setAttribute("url.full", uri.toString())
                .setAttribute("server.address", uri.getHost())
                .setAttribute("server.port", (long) uri.getPort())
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            span.setAttribute("http.response.status_code", (long) status);
            if (status >= 500) {
                // For a client, any 4xx or 5xx answer is an error; error.type says which.
                span.setAttribute("error.type", String.valueOf(status));
                span.setStatus(StatusCode.ERROR);
            }
            return status + " " + response.body();
        } finally {
            span.end();
        }
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(System.getenv("PRICING_PORT"));
        HttpServer pricing = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        pricing.createContext("/prices/", exchange -> {
            boolean known = exchange.getRequestURI().getPath().equals("/prices/mug");
            byte[] body = (known ? "900" : "unknown product").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(known ? 200 : 404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        pricing.start();
        try {
            Tracer tracer = AutoConfiguredOpenTelemetrySdk.initialize().getOpenTelemetrySdk().getTracer("shop.prices");
            PriceClient client = new PriceClient(tracer);
            for (String sku : new String[] {"mug", "lamp"}) {
                System.out.println(sku + ": " + client.price(URI.create("http://127.0.0.1:" + port + "/prices/" + sku)));
            }
        } finally {
            pricing.stop(0);
        }
    }
}
