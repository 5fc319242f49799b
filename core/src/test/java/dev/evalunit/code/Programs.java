package dev.evalunit.code;

import dev.evalunit.check.Check;
import dev.evalunit.source.TaskFileException;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Small Java programs for code trials, and code specs around them. */
final class Programs {

    /** Exports two nested spans with the autoconfigured SDK, prints a line, exits 0. */
    static final String TRACED_APP = """
            package shop;

            import io.opentelemetry.api.OpenTelemetry;
            import io.opentelemetry.api.common.AttributeKey;
            import io.opentelemetry.api.trace.Span;
            import io.opentelemetry.api.trace.SpanKind;
            import io.opentelemetry.api.trace.StatusCode;
            import io.opentelemetry.api.trace.Tracer;
            import io.opentelemetry.context.Scope;
            import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;

            public class App {
                public static void main(String[] args) {
                    OpenTelemetry otel = AutoConfiguredOpenTelemetrySdk.initialize().getOpenTelemetrySdk();
                    Tracer tracer = otel.getTracer("shop.app", "1.0");
                    Span first = tracer.spanBuilder("first").startSpan();
                    Span parent = tracer.spanBuilder("checkout").setSpanKind(SpanKind.SERVER).addLink(first.getSpanContext()).startSpan();
                    try (Scope ignored = parent.makeCurrent()) {
                        Span child = tracer.spanBuilder("charge").setAttribute("payment.amount", 42L).startSpan();
                        child.recordException(new IllegalStateException("card declined"));
                        child.setStatus(StatusCode.ERROR, "card declined");
                        child.end();
                    } finally {
                        parent.end();
                        first.end();
                    }
                    System.out.println("order placed");
                }
            }
            """;

    /** The same application with no telemetry at all. */
    static final String PLAIN_APP = """
            package shop;

            public class App {
                public static void main(String[] args) {
                    System.out.println("order placed");
                }
            }
            """;

    /** Serves GET /order on SERVER_PORT in a SERVER span whose parent comes from the request's traceparent. */
    static final String SERVER = """
            package shop;

            import com.sun.net.httpserver.HttpServer;
            import io.opentelemetry.api.OpenTelemetry;
            import io.opentelemetry.api.trace.Span;
            import io.opentelemetry.api.trace.SpanKind;
            import io.opentelemetry.context.Context;
            import io.opentelemetry.context.propagation.TextMapGetter;
            import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
            import java.net.InetSocketAddress;
            import java.util.List;

            public class Server {
                public static void main(String[] args) throws Exception {
                    OpenTelemetry otel = AutoConfiguredOpenTelemetrySdk.initialize().getOpenTelemetrySdk();
                    TextMapGetter<com.sun.net.httpserver.Headers> getter = new TextMapGetter<>() {
                        public Iterable<String> keys(com.sun.net.httpserver.Headers carrier) { return carrier.keySet(); }
                        public String get(com.sun.net.httpserver.Headers carrier, String key) { return carrier.getFirst(key); }
                    };
                    int port = Integer.parseInt(System.getenv("SERVER_PORT"));
                    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
                    server.createContext("/order", exchange -> {
                        Context parent = otel.getPropagators().getTextMapPropagator()
                                .extract(Context.root(), exchange.getRequestHeaders(), getter);
                        Span span = otel.getTracer("shop.server").spanBuilder("GET /order").setParent(parent)
                                .setSpanKind(SpanKind.SERVER).startSpan();
                        byte[] body = "order 7 placed".getBytes();
                        exchange.sendResponseHeaders(200, body.length);
                        exchange.getResponseBody().write(body);
                        exchange.close();
                        span.end();
                    });
                    server.start();
                    System.out.println("Listening on " + port);
                }
            }
            """;

    /** Calls the server once in a CLIENT span, with its context in a traceparent header. */
    static final String CLIENT = """
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

            public class Client {
                public static void main(String[] args) throws Exception {
                    OpenTelemetry otel = AutoConfiguredOpenTelemetrySdk.initialize().getOpenTelemetrySdk();
                    Span span = otel.getTracer("shop.client").spanBuilder("GET").setSpanKind(SpanKind.CLIENT).startSpan();
                    try (Scope ignored = span.makeCurrent()) {
                        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + args[0] + "/order"));
                        otel.getPropagators().getTextMapPropagator().inject(Context.current(), request, HttpRequest.Builder::header);
                        String body = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
                        System.out.println(body);
                    } finally {
                        span.end();
                    }
                }
            }
            """;

    private Programs() {
    }

    static CodeSpec spec(Map<String, String> workspace, List<ProcessSpec> processes, List<String> ports) {
        return spec(workspace, processes, ports, List.of());
    }

    static CodeSpec spec(Map<String, String> workspace, List<ProcessSpec> processes, List<String> ports,
                         List<Check> checks) {
        return new CodeSpec(workspace, Optional.empty(),
                new RunSpec(processes, ports, Map.of("OTEL_SERVICE_NAME", "shop"), Optional.empty(), 100_000),
                checks, dev.evalunit.source.SourcePosition.startOf(java.net.URI.create("file:/tasks/shop.yaml"),
                        "tasks/shop.yaml"));
    }

    static ProcessSpec process(String name, String main, String... args) {
        return new ProcessSpec(name, main, List.of(args), Map.of(), Optional.empty());
    }

    static ProcessSpec service(String name, String main, String ready, String... args) {
        return new ProcessSpec(name, main, List.of(args), Map.of(), Optional.of(ready));
    }

    static String answer(String path, String content) {
        return "Here is the file.\n\n" + AnswerFormat.render(Map.of(path, content)) + "Done.\n";
    }

    static Duration seconds(long seconds) {
        return Duration.ofSeconds(seconds);
    }

    /**
     * Reads a code task of workspace {@code w} (one Java file) and {@code run}, a YAML text that
     * starts with {@code run:}, as the file {@code tasks/t.yaml} in {@code directory}.
     */
    static CodeSpec readTask(Path directory, String run) throws IOException {
        Files.createDirectories(directory.resolve("w/src"));
        Files.writeString(directory.resolve("w/src/App.java"), "class App {}\n");
        String yaml = "prompt: p\nworkspace: w\n" + run;
        return CodeSpecReader.read((MappingNode) new Yaml().compose(new StringReader(yaml)),
                directory.resolve("t.yaml").toUri(), "tasks/t.yaml").orElseThrow();
    }

    /** Asserts that {@link #readTask} fails with {@code message} after {@code tasks/t.yaml:}. */
    static void assertTaskError(Path directory, String run, String message) {
        assertThatThrownBy(() -> readTask(directory, run)).isInstanceOf(TaskFileException.class)
                .hasMessageStartingWith("tasks/t.yaml:" + message);
    }
}
