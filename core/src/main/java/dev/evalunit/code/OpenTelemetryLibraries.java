package dev.evalunit.code;

import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The jars a code task's program compiles and runs against: the OpenTelemetry API, SDK, OTLP
 * exporter (over the JDK's HTTP client) and SDK autoconfigure, in the versions EvalUnit itself
 * depends on. They are found where the class loader that loaded EvalUnit found them (each jar by
 * one class it holds), so whatever resolved EvalUnit's dependencies (Maven, Gradle, an IDE)
 * decides the versions, and nothing is downloaded during a run.
 */
final class OpenTelemetryLibraries {

    /** Artifact to one class file it holds, in classpath order. */
    private static final Map<String, String> MARKERS = markers();

    private static volatile List<Path> jars;

    private OpenTelemetryLibraries() {
    }

    private static Map<String, String> markers() {
        Map<String, String> markers = new java.util.LinkedHashMap<>();
        markers.put("opentelemetry-api", "io/opentelemetry/api/OpenTelemetry.class");
        markers.put("opentelemetry-context", "io/opentelemetry/context/Context.class");
        markers.put("opentelemetry-common", "io/opentelemetry/common/ComponentLoader.class");
        markers.put("opentelemetry-sdk", "io/opentelemetry/sdk/OpenTelemetrySdk.class");
        markers.put("opentelemetry-sdk-common", "io/opentelemetry/sdk/common/CompletableResultCode.class");
        markers.put("opentelemetry-sdk-trace", "io/opentelemetry/sdk/trace/SdkTracerProvider.class");
        markers.put("opentelemetry-sdk-metrics", "io/opentelemetry/sdk/metrics/SdkMeterProvider.class");
        markers.put("opentelemetry-sdk-logs", "io/opentelemetry/sdk/logs/SdkLoggerProvider.class");
        markers.put("opentelemetry-exporter-otlp", "io/opentelemetry/exporter/otlp/http/trace/OtlpHttpSpanExporter.class");
        markers.put("opentelemetry-exporter-otlp-common",
                "io/opentelemetry/exporter/internal/otlp/AnyValueMarshaler.class");
        markers.put("opentelemetry-exporter-common", "io/opentelemetry/exporter/internal/EndpointUtil.class");
        markers.put("opentelemetry-exporter-sender-jdk",
                "io/opentelemetry/exporter/sender/jdk/internal/BodyPublisher.class");
        markers.put("opentelemetry-sdk-extension-autoconfigure",
                "io/opentelemetry/sdk/autoconfigure/AutoConfiguredOpenTelemetrySdk.class");
        markers.put("opentelemetry-sdk-extension-autoconfigure-spi",
                "io/opentelemetry/sdk/autoconfigure/spi/ConfigProperties.class");
        return markers;
    }

    /**
     * @return the jars (or class directories), without duplicates
     * @throws IllegalStateException when one is missing from the class path; the message names it
     */
    static List<Path> classpath() {
        List<Path> found = jars;
        if (found == null) {
            found = find(OpenTelemetryLibraries.class.getClassLoader());
            jars = found;
        }
        return found;
    }

    static List<Path> find(ClassLoader loader) {
        Set<Path> paths = new LinkedHashSet<>();
        List<String> missing = new ArrayList<>();
        MARKERS.forEach((artifact, resource) -> {
            URL url = loader.getResource(resource);
            if (url == null) {
                missing.add(artifact);
            } else {
                paths.add(root(url, resource));
            }
        });
        if (!missing.isEmpty()) {
            throw new IllegalStateException("code tasks need " + String.join(", ", missing) + " on the class path"
                    + " of the tests (io.opentelemetry, the version of the opentelemetry-bom EvalUnit uses);"
                    + " add " + CodeTasksModule.ARTIFACT + " as a test dependency (it brings them), and check for"
                    + " exclusions in your build");
        }
        return List.copyOf(paths);
    }

    /** @return the jar or directory that holds {@code resource}, found at {@code url} */
    private static Path root(URL url, String resource) {
        try {
            if ("jar".equals(url.getProtocol())) {
                return Path.of(((JarURLConnection) url.openConnection()).getJarFileURL().toURI());
            }
            if ("file".equals(url.getProtocol())) {
                Path file = Path.of(url.toURI());
                Path root = file;
                for (int i = 0; i < resource.split("/").length; i++) {
                    root = root.getParent();
                }
                return root;
            }
        } catch (java.io.IOException | URISyntaxException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot read " + url + " as a file for the code tasks' class path: "
                    + e.getMessage(), e);
        }
        throw new IllegalStateException("code tasks need " + resource + " in a jar or directory on disk, found at "
                + url + "; run the tests with a plain class path");
    }
}
