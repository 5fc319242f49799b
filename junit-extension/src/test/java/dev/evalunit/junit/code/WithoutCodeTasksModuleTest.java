package dev.evalunit.junit.code;

import dev.evalunit.testing.HidingClassLoader;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A consumer's build with evalunit-junit alone: the engine runs in a class loader that refuses what
 * evalunit-code-tasks brings and evalunit-junit does not (protobuf, the OTLP messages, SDK
 * autoconfigure; the OTLP exporter stays, evalunit-junit exports traces with it).
 * A plain suite runs without touching any of it; a code task errors, alone, saying where it is and
 * what to add.
 */
class WithoutCodeTasksModuleTest {

    private static final List<String> MODULE_PACKAGES = List.of("com.google.protobuf.", "io.opentelemetry.proto.",
            "io.opentelemetry.sdk.autoconfigure.");

    @Test
    void aPlainSuiteNeverLoadsTheModulesClassesAndACodeTaskErrorsWithTheCoordinatesToAdd() throws Exception {
        try (HidingClassLoader loader = new HidingClassLoader(MODULE_PACKAGES)) {
            String plain = run(loader, "code-module/plain");
            assertThat(plain).isEqualTo("plain|SUCCESSFUL||");
            assertThat(loader.refused()).as("classes of evalunit-code-tasks a plain suite asked for").isEmpty();

            String[] mixed = run(loader, "code-module/mixed").split("\n");
            assertThat(mixed).hasSize(2);
            assertThat(mixed[1]).isEqualTo("plain|SUCCESSFUL||");
            assertThat(mixed[0]).startsWith("app|FAILED|TaskErrorException|app [oracle] could not be scored:")
                    .contains("code-module/mixed/app.yaml:1:1: a code or agent task needs"
                            + " dev.evalunit:evalunit-code-tasks:", " on the tests' class path, and opentelemetry-proto,"
                            + " protobuf-java, protobuf-java-util, opentelemetry-sdk-extension-autoconfigure are missing",
                            "<artifactId>evalunit-code-tasks</artifactId>");
            // Only the module check looked: nothing else of the run reached for a missing class.
            assertThat(loader.refused()).containsExactlyInAnyOrder(
                    "io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest", "com.google.protobuf.Message",
                    "com.google.protobuf.util.JsonFormat", "io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk");
        }
    }

    @SuppressWarnings("unchecked")
    private static String run(ClassLoader loader, String folder) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader original = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            Function<String, String> run = (Function<String, String>) loader
                    .loadClass(HiddenModuleRun.class.getName()).getDeclaredConstructor().newInstance();
            return run.apply(folder);
        } finally {
            thread.setContextClassLoader(original);
        }
    }
}
