package dev.evalunit.code;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A program that needs a library beyond the OpenTelemetry jars, and options of its own JVM. */
class RunLibrariesTest {

    private static final String APP = "src/shop/App.java";
    /** Uses Jackson's streaming parser (on this module's test class path) and a system property. */
    private static final String JSON_APP = """
            package shop;

            import com.fasterxml.jackson.core.JsonFactory;
            import com.fasterxml.jackson.core.JsonParser;
            import io.opentelemetry.api.trace.Tracer;
            import io.opentelemetry.sdk.OpenTelemetrySdk;
            import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;

            public class App {
                public static void main(String[] args) throws Exception {
                    OpenTelemetrySdk otel = AutoConfiguredOpenTelemetrySdk.initialize().getOpenTelemetrySdk();
                    Tracer tracer = otel.getTracer("shop.app");
                    try (JsonParser parser = new JsonFactory().createParser("{\\"sku\\":\\"mug\\"}")) {
                        parser.nextToken();
                        parser.nextFieldName();
                        tracer.spanBuilder("parse " + parser.nextTextValue()).startSpan().end();
                    }
                    System.out.println(System.getProperty("shop.greeting") + " order placed");
                    otel.close();
                }
            }
            """;

    @TempDir
    Path directory;

    @Test
    void findsALibraryOnTheTestsClassPathByItsCoordinates() {
        assertThat(TaskLibraries.find("com.fasterxml.jackson.core:jackson-core"))
                .hasValueSatisfying(jar -> assertThat(jar.getFileName().toString()).startsWith("jackson-core-"));
        assertThat(TaskLibraries.find("com.example.nowhere:missing")).isEmpty();
    }

    @Test
    void theProgramCompilesAndRunsAgainstItsLibrariesWithItsJvmOptions() {
        Path jackson = TaskLibraries.find("com.fasterxml.jackson.core:jackson-core").orElseThrow();
        ProcessSpec app = new ProcessSpec("app", "shop.App", List.of(), Map.of(), Optional.empty(),
                List.of("-Dshop.greeting=hello", "-Xss1m"));

        CodeRun with = CodeTrial.runFiles(spec(app, List.of(jackson)), Map.of(APP, JSON_APP), Programs.seconds(60));
        CodeRun without = CodeTrial.runFiles(spec(app, List.of()), Map.of(APP, JSON_APP), Programs.seconds(60));

        assertThat(with.failure()).isEmpty();
        assertThat(with.spans()).extracting(span -> span.getName()).containsExactly("parse mug");
        assertThat(with.outcome().output()).contains("hello order placed");
        assertThat(without.failure()).hasValueSatisfying(failure -> assertThat(failure)
                .startsWith("compile error: src/shop/App.java:3:").contains("com.fasterxml.jackson.core"));
    }

    private static CodeSpec spec(ProcessSpec app, List<Path> libraries) {
        CodeSpec plain = Programs.spec(Map.of(APP, Programs.PLAIN_APP), List.of(app), List.of());
        RunSpec run = plain.run();
        return new CodeSpec(plain.workspace(), Optional.empty(), new RunSpec(run.processes(), run.ports(), run.env(),
                run.timeout(), run.maxOutputChars(), libraries), List.of(), plain.source());
    }

    @Test
    void readsLibrariesAndJvmOptionsFromTheTaskFile() throws IOException {
        CodeSpec spec = read("""
                run:
                  libraries: [com.fasterxml.jackson.core:jackson-core]
                  processes: [{name: app, main: shop.App, jvm-options: ["-Dshop.greeting=hi"]}]
                """);

        assertThat(spec.run().libraries()).singleElement().satisfies(jar -> assertThat(jar.getFileName().toString())
                .startsWith("jackson-core-"));
        assertThat(spec.run().processes().get(0).jvmOptions()).containsExactly("-Dshop.greeting=hi");
    }

    @Test
    void refusesALibraryThatIsNotThereAndOptionsThatReplaceTheClassPath() throws IOException {
        assertError("""
                run:
                  libraries: [com.example.nowhere:missing]
                  processes: [{name: app, main: shop.App}]
                """, "4:15: the library com.example.nowhere:missing is not on the tests' class path; add it to the"
                + " build as a test-scoped dependency");
        assertError("""
                run:
                  libraries: [gson]
                  processes: [{name: app, main: shop.App}]
                """, "4:15: \"gson\" is not groupId:artifactId");
        assertError("""
                run:
                  processes: [{name: app, main: shop.App, jvm-options: ["-jar"]}]
                """, "4:57: \"-jar\" is not a JVM option this run can take");
    }

    private void assertError(String run, String message) {
        Programs.assertTaskError(directory, run, message);
    }

    private CodeSpec read(String run) throws IOException {
        return Programs.readTask(directory, run);
    }
}
