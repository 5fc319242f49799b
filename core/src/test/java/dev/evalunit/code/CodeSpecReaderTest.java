package dev.evalunit.code;

import dev.evalunit.check.Check;
import dev.evalunit.check.Evidence;
import dev.evalunit.check.RunOutcome;
import dev.evalunit.source.TaskFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CodeSpecReaderTest {

    private static final String TASK = """
            prompt: Add a span around checkout.
            workspace: checkout/workspace
            reference: checkout/reference
            run:
              ports: [SERVER_PORT]
              env: {OTEL_SERVICE_NAME: checkout}
              timeout: 45s
              max-output: 5000
              processes:
                - name: server
                  main: shop.Server
                  ready: Listening on
                  env: {OTEL_RESOURCE_ATTRIBUTES: "deployment.environment.name=test"}
                - name: client
                  main: shop.Client
                  args: ["http://127.0.0.1:${SERVER_PORT}/order", "${OTLP_ENDPOINT}"]
            expect:
              run:
                exit-code: 0
                output:
                  - contains: order placed
                  - not-contains: Exception
                traces: 1
              spans:
                - name: checkout
            """;

    @TempDir
    Path directory;

    @Test
    void readsAWholeCodeTaskWithItsFolders() throws IOException {
        folders();

        CodeSpec spec = read(TASK).orElseThrow();

        assertThat(spec.workspace()).containsExactly(Map.entry("pom.txt", "not a build\n"),
                Map.entry("src/shop/App.java", "class App {}\n"));
        assertThat(spec.reference()).hasValue(Map.of("src/shop/App.java", "class App { /* traced */ }\n"));
        assertThat(spec.run().ports()).containsExactly("SERVER_PORT");
        assertThat(spec.run().env()).containsExactly(Map.entry("OTEL_SERVICE_NAME", "checkout"));
        assertThat(spec.run().timeout()).hasValue(Duration.ofSeconds(45));
        assertThat(spec.run().maxOutputChars()).isEqualTo(5000);
        assertThat(spec.run().processes()).extracting(ProcessSpec::name, ProcessSpec::mainClass, ProcessSpec::ready)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("server", "shop.Server", Optional.of("Listening on")),
                        org.assertj.core.groups.Tuple.tuple("client", "shop.Client", Optional.empty()));
        assertThat(spec.run().processes().get(1).args())
                .containsExactly("http://127.0.0.1:${SERVER_PORT}/order", "${OTLP_ENDPOINT}");
        assertThat(spec.checks()).extracting(Check::label)
                .containsExactly("run.exit-code", "run.output", "run.output", "run.traces");
        assertThat(spec.source().line()).isEqualTo(2);
        assertThat(spec.referenceAnswer()).hasValue("```java src/shop/App.java\nclass App { /* traced */ }\n```\n\n");
        assertThat(spec.unchangedAnswer()).contains("```text pom.txt\nnot a build\n```", "```java src/shop/App.java");
    }

    @Test
    void thePromptShowsTheWorkspaceAndTheAnswerFormat() throws IOException {
        folders();

        String prompt = read(TASK).orElseThrow().prompt("Add a span around checkout.\n");

        assertThat(prompt).startsWith("Add a span around checkout.\n\nThe workspace (2 files):\n\n```text pom.txt\n")
                .contains("```java src/shop/App.java\nclass App {}\n```\n\nHow to answer:")
                .contains("```java src/shop/App.java\n...the whole file...\n```");
    }

    @Test
    void aTaskWithoutWorkspaceRunOrExpectRunIsNoCodeTask() {
        assertThat(read("prompt: hi\nexpect: {output: [{contains: hi}]}\n")).isEmpty();
    }

    @Test
    void readsFoldersFromAJar() throws IOException {
        Path jar = directory.resolve("suite.jar");
        try (FileSystem files = FileSystems.newFileSystem(jar, Map.of("create", "true"))) {
            Files.createDirectories(files.getPath("/otel/app/workspace/src"));
            Files.writeString(files.getPath("/otel/app/workspace/src/App.java"), "class App {}\n");
        }
        URI task = URI.create("jar:" + jar.toUri() + "!/otel/app.yaml");

        CodeSpec spec = CodeSpecReader.read(node("workspace: app/workspace\nrun: {processes: [{name: app, main: App}]}\n"),
                task, "otel/app.yaml").orElseThrow();

        assertThat(spec.workspace()).containsExactly(Map.entry("src/App.java", "class App {}\n"));
    }

    @Test
    void reportsMistakesAtTheirPlace() throws IOException {
        folders();
        String base = "workspace: checkout/workspace\n";
        String processes = "  processes: [{name: app, main: shop.App}]\n";

        assertError("run: {processes: [{name: app, main: shop.App}]}\n",
                "1:1: run: needs workspace: with the folder of source files");
        assertError(base, "1:1: a task with workspace: needs run:");
        assertError("workspace: nowhere\nrun: {processes: [{name: a, main: A}]}\n",
                "1:12: workspace: folder \"nowhere\" not found next to the task file");
        assertError(base + "run:\n  procesess: []\n", "3:3: unknown key \"procesess\"; did you mean \"processes\"?");
        assertError(base + "run:\n  ports: [port]\n" + processes, "3:11: port name \"port\" is not valid");
        assertError(base + "run:\n  env: {OTEL_EXPORTER_OTLP_ENDPOINT: x}\n" + processes,
                "3:9: OTEL_EXPORTER_OTLP_ENDPOINT is set by the engine");
        assertError(base + "run:\n  processes: [{name: app, main: shop.App, args: [\"${PORT}\"]}]\n",
                "3:50: unknown placeholder ${PORT}");
        assertError(base + "run:\n  processes: [{name: app, main: 'shop/App'}]\n",
                "3:33: run.processes[0].main \"shop/App\" is not a Java class name");
        assertError(base + "run:\n  processes: [{name: a, main: A}, {name: a, main: B}]\n",
                "3:35: duplicate process name \"a\"");
        assertError(base + "run:\n  timeout: soon\n" + processes, "3:12: run.timeout \"soon\" is not a duration");
        assertError(base + "reference: {output: x}\nrun:\n" + processes,
                "2:12: reference of a code task is the folder of its solution's files");
        assertError(base + "run:\n" + processes + "expect:\n  run: {traces: many}\n",
                "5:17: expect.run.traces \"many\" is not a count");
        assertError(base + "run:\n" + processes + "expect:\n  run: {exit-code: 300}\n",
                "5:20: expect.run.exit-code must be an exit code from 0 to 255");
        assertError(base + "run:\n" + processes + "expect:\n  run: {output: [{contain: x}]}\n",
                "5:19: unknown key \"contain\"; did you mean \"contains\"?");
        assertError("prompt: x\nexpect:\n  run: {exit-code: 0}\n", "3:3: expect.run checks a program built from the answer");
    }

    @Test
    void readsExactLineAndWholeOutputChecksThatHoldOnTheOutputTheyName() throws IOException {
        folders();
        CodeSpec spec = read("""
                workspace: checkout/workspace
                run: {processes: [{name: app, main: shop.App}]}
                expect:
                  run:
                    output:
                      - line: "total: 12"
                      - lines: [started, "", "total: 12"]
                """).orElseThrow();
        Evidence right = ran("started\n\ntotal: 12\n");
        Evidence wrong = ran("started\n\ntotal: 123\n");

        assertThat(spec.checks()).allSatisfy(check -> assertThat(check.evaluate(right).passed()).isTrue());
        assertThat(spec.checks()).allSatisfy(check -> assertThat(check.evaluate(wrong).passed()).isFalse());
    }

    @Test
    void refusesALineThatIsNotText() throws IOException {
        folders();
        assertError("workspace: checkout/workspace\nrun: {processes: [{name: a, main: A}]}\n"
                + "expect:\n  run: {output: [{lines: [a, [b]]}]}\n", "4:30: expect.run.output[0].lines[1] must be one line of text");
    }

    private static Evidence ran(String output) {
        return new Evidence("", java.util.List.of()).with(RunOutcome.class, new RunOutcome(java.util.List.of(
                new RunOutcome.ProcessOutcome("app", java.util.OptionalInt.of(0), output, Duration.ZERO)),
                java.util.List.of()));
    }

    @Test
    void refusesAWorkspaceThatHoldsATaskFile() throws IOException {
        folders();
        Files.writeString(directory.resolve("checkout/workspace/app.yaml"), "x: 1\n");

        assertError("workspace: checkout/workspace\nrun: {processes: [{name: a, main: A}]}\n",
                "1:12: workspace: folder \"checkout/workspace\" holds app.yaml: a suite loads every .yaml");
    }

    private void folders() throws IOException {
        Path workspace = Files.createDirectories(directory.resolve("checkout/workspace/src/shop"));
        Files.writeString(workspace.resolve("App.java"), "class App {}\n");
        Files.writeString(directory.resolve("checkout/workspace/pom.txt"), "not a build\n");
        Path reference = Files.createDirectories(directory.resolve("checkout/reference/src/shop"));
        Files.writeString(reference.resolve("App.java"), "class App { /* traced */ }\n");
    }

    private void assertError(String yaml, String message) {
        assertThatThrownBy(() -> read(yaml)).isInstanceOf(TaskFileException.class)
                .hasMessageStartingWith("tasks/checkout.yaml:" + message);
    }

    private Optional<CodeSpec> read(String yaml) {
        return CodeSpecReader.read(node(yaml), directory.resolve("checkout.yaml").toUri(), "tasks/checkout.yaml");
    }

    private static MappingNode node(String yaml) {
        return (MappingNode) new Yaml().compose(new StringReader(yaml));
    }
}
