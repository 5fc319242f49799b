package dev.evalunit.code;

import dev.evalunit.source.SourcePosition;
import dev.evalunit.testing.HidingClassLoader;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whether evalunit-code-tasks is there, seen through class loaders that hide what it brings, and
 * what a code task is told when it is not.
 */
class CodeTasksModuleTest {

    private static final SourcePosition TASK = SourcePosition.startOf(URI.create("file:/suite/shop/app.yaml"),
            "shop/app.yaml").at(3, 5);

    @Test
    void findsNothingMissingWhereTheModuleIsOnTheClassPath() {
        assertThat(CodeTasksModule.missing(CodeTasksModuleTest.class.getClassLoader())).isEmpty();
        assertThat(CodeTasksModule.problem(TASK)).isEmpty();
    }

    @Test
    void namesEveryArtifactOfTheModuleWhenNoneIsThere() {
        try (HidingClassLoader loader = new HidingClassLoader(List.of("com.google.protobuf.", "io.opentelemetry.proto.",
                "io.opentelemetry.exporter.", "io.opentelemetry.sdk.autoconfigure."))) {
            assertThat(CodeTasksModule.missing(loader)).containsExactly("opentelemetry-proto", "protobuf-java",
                    "protobuf-java-util", "opentelemetry-exporter-otlp", "opentelemetry-exporter-sender-jdk",
                    "opentelemetry-sdk-extension-autoconfigure");
        }
    }

    @Test
    void countsTheOtlpClassesMissingWhenOnlyProtobufIsHidden() {
        // The OTLP message classes are there but cannot load without protobuf: the receiver could not parse.
        try (HidingClassLoader loader = new HidingClassLoader(List.of("com.google.protobuf."))) {
            assertThat(CodeTasksModule.missing(loader))
                    .containsExactly("opentelemetry-proto", "protobuf-java", "protobuf-java-util");
            assertThat(loader.refused()).contains("com.google.protobuf.Message");
        }
    }

    @Test
    void tellsTheTaskWhereItIsAndTheDependencyToAddAtThisVersion() {
        // The build's own version (core's Surefire configuration): the resource was filtered.
        String version = System.getProperty("evalunit.test.version");
        assertThat(version).as("evalunit.test.version").isNotBlank();
        assertThat(CodeTasksModule.problem(TASK, List.of("protobuf-java", "protobuf-java-util")).orElseThrow())
                .startsWith("shop/app.yaml:3:5: a code or agent task needs dev.evalunit:evalunit-code-tasks:" + version
                        + " on the tests' class path, and protobuf-java, protobuf-java-util are missing.")
                .endsWith("<dependency><groupId>dev.evalunit</groupId><artifactId>evalunit-code-tasks</artifactId>"
                        + "<version>" + version + "</version><scope>test</scope></dependency>");
    }
}
