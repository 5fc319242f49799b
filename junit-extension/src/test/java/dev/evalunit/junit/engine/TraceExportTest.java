package dev.evalunit.junit.engine;

import com.sun.net.httpserver.HttpServer;
import dev.evalunit.config.Constants;
import dev.evalunit.config.Settings;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import static dev.evalunit.junit.engine.EngineRuns.evalunit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;

/** Spans sent to an OTLP/HTTP receiver run by the test, as a user's collector would get them. */
class TraceExportTest {

    @TempDir
    Path reports;

    private HttpServer receiver;
    private final List<Span> received = new CopyOnWriteArrayList<>();
    private final List<String> paths = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                paths.add(exchange.getRequestURI().getPath());
                ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body.readAllBytes());
                request.getResourceSpansList().forEach(resource -> resource.getScopeSpansList()
                        .forEach(scope -> received.addAll(scope.getSpansList())));
            }
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, 0);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void exportsEveryTrialsSpansWithTheTaskTheOutcomeAndEachChecksVerdict() {
        EngineExecutionResults results = evalunit("nop").configurationParameter(Constants.REPORT_DIR_PROPERTY_NAME, reports.toString())
                .configurationParameter(Constants.OTLP_ENDPOINT_PROPERTY_NAME,
                        "http://127.0.0.1:" + receiver.getAddress().getPort())
                .selectors(selectClasspathResource("engine/progress")).execute();

        assertThat(results.testEvents().failed().count()).isEqualTo(5);
        assertThat(paths).isNotEmpty().allMatch("/v1/traces"::equals);
        List<Span> roots = received.stream().filter(span -> span.getParentSpanId().isEmpty()).toList();
        assertThat(roots).hasSize(5);
        assertThat(roots.stream().map(span -> attributes(span).get("evalunit.task.id")).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("task-1", "task-2", "task-3", "task-4", "task-5");
        Span root = roots.get(0);
        assertThat(attributes(root)).containsEntry("evalunit.trial", "1").containsEntry("evalunit.trial.outcome", "failed")
                .containsEntry("evalunit.task.outcome", "failed").containsEntry("evalunit.model", "nop")
                .containsEntry("evalunit.suite", "engine/progress");
        assertThat(root.getEventsList()).hasSize(1);
        Map<String, String> check = root.getEvents(0).getAttributesList().stream()
                .collect(Collectors.toMap(KeyValue::getKey, value -> text(value)));
        assertThat(root.getEvents(0).getName()).isEqualTo("evalunit.check");
        assertThat(check).containsEntry("evalunit.check.name", "output").containsEntry("evalunit.check.passed", "false");
        assertThat(check.get("evalunit.check.message")).startsWith("expected to contain \"Running\"");
    }

    @Test
    void aCollectorThatIsDownCostsOneWarningAndNoTask() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        EngineExecutionResults results;
        try {
            results = evalunit("oracle").configurationParameter(Constants.REPORT_DIR_PROPERTY_NAME, reports.toString())
                    .configurationParameter(Constants.OTLP_ENDPOINT_PROPERTY_NAME, "http://127.0.0.1:" + closedPort)
                    .selectors(selectClasspathResource("engine/progress")).execute();
        } finally {
            System.setErr(original);
        }

        assertThat(results.testEvents().succeeded().count()).isEqualTo(5);
        String errors = captured.toString(StandardCharsets.UTF_8);
        assertThat(errors.split("EvalUnit could not export spans to http://127.0.0.1:" + closedPort + "/v1/traces", -1))
                .hasSize(2);
        assertThat(errors).doesNotContain("Failed to export");
    }

    @Test
    void honoursTheStandardVariablesAndRefusesGrpc() {
        Settings none = Settings.from(key -> Optional.empty());

        assertThat(TraceExport.fromSettings(none, Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:4318/")::get))
                .extracting(Object::toString).isNotNull();
        assertThatThrownBy(() -> TraceExport.fromSettings(none, Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:4317",
                "OTEL_EXPORTER_OTLP_PROTOCOL", "grpc")::get))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(http/protobuf) only");
        assertThatThrownBy(() -> TraceExport.fromSettings(Settings.from(key -> key.equals(Constants.OTLP_ENDPOINT_PROPERTY_NAME)
                ? Optional.of("not a url") : Optional.empty()), name -> null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not an http(s) URL");
    }

    private static Map<String, String> attributes(Span span) {
        return span.getAttributesList().stream().collect(Collectors.toMap(KeyValue::getKey, TraceExportTest::text));
    }

    private static String text(KeyValue value) {
        var any = value.getValue();
        return switch (any.getValueCase()) {
            case STRING_VALUE -> any.getStringValue();
            case INT_VALUE -> Long.toString(any.getIntValue());
            case BOOL_VALUE -> Boolean.toString(any.getBoolValue());
            case DOUBLE_VALUE -> Double.toString(any.getDoubleValue());
            default -> any.toString();
        };
    }
}
