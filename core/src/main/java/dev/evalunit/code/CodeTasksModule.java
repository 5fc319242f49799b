package dev.evalunit.code;

import org.apiguardian.api.API;

import dev.evalunit.source.SourcePosition;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * Whether the optional module {@code evalunit-code-tasks} is on the class path: the protobuf and
 * OTLP classes code and agent tasks need, which {@code evalunit-core} declares optional so that a
 * suite without code tasks does not carry them. Looked up by one class of each artifact
 * ({@link Class#forName(String, boolean, ClassLoader)}, never initialised) when a code task's
 * trial starts, so a suite without code tasks never loads any of them.
 *
 * @since 0.1.0
 */
@API(status = INTERNAL, since = "0.1.0")
public final class CodeTasksModule {

    /** The module's coordinates, {@code groupId:artifactId}. */
    public static final String ARTIFACT = "dev.evalunit:evalunit-code-tasks";

    /** Artifact to one class it holds: what the module brings. */
    private static final Map<String, String> CLASSES = classes();

    /** Where a build that did not filter the version resource (an IDE's) leaves it. */
    private static final String UNKNOWN_VERSION = "(the version of evalunit-junit)";

    private static final String VERSION = version();

    private CodeTasksModule() {
    }

    private static Map<String, String> classes() {
        Map<String, String> classes = new LinkedHashMap<>();
        classes.put("opentelemetry-proto", "io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest");
        classes.put("protobuf-java", "com.google.protobuf.Message");
        classes.put("protobuf-java-util", "com.google.protobuf.util.JsonFormat");
        classes.put("opentelemetry-exporter-otlp", "io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter");
        classes.put("opentelemetry-exporter-sender-jdk", "io.opentelemetry.exporter.sender.jdk.internal.JdkHttpSender");
        classes.put("opentelemetry-sdk-extension-autoconfigure",
                "io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk");
        return classes;
    }

    private static String version() {
        try (InputStream in = CodeTasksModule.class.getResourceAsStream("evalunit-version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", UNKNOWN_VERSION);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read EvalUnit's version from its own jar: " + e.getMessage(), e);
        }
    }

    /**
     * @param task where the code or agent task is written; never {@code null}
     * @return why the task cannot run here, naming the task's {@code path:line:column} and the
     *         dependency to add; empty when the module is on the class path
     */
    public static Optional<String> problem(SourcePosition task) {
        Objects.requireNonNull(task, "task");
        // Asked at each code trial's start: a few class lookups the JVM answers from its own tables.
        return problem(task, missing(CodeTasksModule.class.getClassLoader()));
    }

    static Optional<String> problem(SourcePosition task, List<String> absent) {
        if (absent.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(task + ": a code or agent task needs " + ARTIFACT + ":" + VERSION
                + " on the tests' class path, and " + String.join(", ", absent) + " "
                + (absent.size() == 1 ? "is" : "are") + " missing. Add it next to evalunit-junit: "
                + "<dependency><groupId>dev.evalunit</groupId><artifactId>evalunit-code-tasks</artifactId>"
                + "<version>" + VERSION + "</version><scope>test</scope></dependency>");
    }

    static List<String> missing(ClassLoader loader) {
        List<String> absent = new ArrayList<>();
        CLASSES.forEach((artifact, className) -> {
            try {
                Class.forName(className, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                absent.add(artifact);
            }
        });
        return List.copyOf(absent);
    }
}
