package evalunit.peer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

/**
 * The task's own API gateway, never shown to the model and written over its answer: it forwards
 * each request's method and path (no query) to the service on GATEWAY_UPSTREAM_PORT, with the W3C trace context
 * and baggage headers ({@code traceparent}, {@code tracestate}, {@code baggage}) and no other
 * header, as gateways that strip unknown headers do. It makes no spans of its own.
 */
public class Gateway {

    private static final List<String> FORWARDED = List.of("traceparent", "tracestate", "baggage");

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(System.getenv("GATEWAY_PORT"));
        String upstream = "http://127.0.0.1:" + System.getenv("GATEWAY_UPSTREAM_PORT");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", exchange -> forward(exchange, upstream));
        server.start();
        System.out.println("gateway listening on " + port);
    }

    private static void forward(HttpExchange exchange, String upstream) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(upstream + exchange.getRequestURI().getPath()))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.noBody());
        for (String header : FORWARDED) {
            List<String> values = exchange.getRequestHeaders().get(header);
            if (values != null) {
                values.forEach(value -> request.header(header, value));
            }
        }
        int status;
        byte[] body;
        try {
            HttpResponse<byte[]> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            status = response.statusCode();
            body = response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = 502;
            body = new byte[0];
        } catch (IOException e) {
            status = 502;
            body = new byte[0];
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
