package dev.evalunit.code;

import dev.evalunit.check.Check;
import dev.evalunit.source.TaskFileException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The keys of an agent task: answer, agent and expect.workspace. */
class AgentSpecReaderTest {

    private static final String CODE = """
            prompt: Add a span around checkout.
            workspace: checkout/workspace
            reference: checkout/reference
            run:
              processes: [{name: app, main: shop.App}]
            """;

    @TempDir
    Path directory;

    @BeforeEach
    void folders() throws IOException {
        Files.createDirectories(directory.resolve("checkout/workspace/src"));
        Files.writeString(directory.resolve("checkout/workspace/src/App.java"), "class App {}\n");
        Files.createDirectories(directory.resolve("checkout/reference/src"));
        Files.writeString(directory.resolve("checkout/reference/src/App.java"), "class App { }\n");
    }

    @Test
    void aCodeTaskIsAnsweredWithWholeFilesUnlessItSaysAgent() {
        assertThat(read(CODE).agent()).isEmpty();
        assertThat(read(CODE + "answer: files\n").agent()).isEmpty();
        assertThat(read(CODE + "answer: agent\n").agent()).hasValue(AgentSpec.defaults());
    }

    @Test
    void readsTheBudgetsAndCommands() {
        AgentSpec agent = read(CODE + """
                answer: agent
                agent:
                  max-tool-calls: 30
                  max-time: 4m
                  max-tokens: 200000
                  commands: [compile, build]
                  max-result-chars: 8000
                """).agent().orElseThrow();

        assertThat(agent.maxToolCalls()).hasValue(30);
        assertThat(agent.maxTime()).hasValue(Duration.ofMinutes(4));
        assertThat(agent.maxTokens()).hasValue(200_000);
        assertThat(agent.commands()).containsExactly("compile", "build");
        assertThat(agent.maxResultChars()).isEqualTo(8000);
    }

    @Test
    void theOracleOfAnAgentTaskReplaysTheReferenceAsToolCalls() {
        CodeSpec spec = read(CODE + "answer: agent\n");

        assertThat(spec.referenceToolCalls().orElseThrow()).extracting(call -> call.tool())
                .containsExactly("write_file", "run_command", "finish");
        assertThat(read(CODE).referenceToolCalls()).isEmpty();
        assertThat(spec.prompt("Add a span.")).startsWith("Add a span.\n\nYou work in a workspace of 1 file")
                .contains("- src/App.java", "\"build\"", "call finish");
    }

    @Test
    void readsTheWorkspaceChecks() {
        List<Check> checks = read(CODE + """
                answer: agent
                expect:
                  workspace:
                    changed-only: ["src/*"]
                    unchanged: [pom.xml, "src/test/*"]
                    contains: [{file: src/App.java, text: Tracer}]
                    not-contains: [{file: src/App.java, text: System.exit}]
                    max-changed-lines: 40
                """).checks();

        assertThat(checks).extracting(Check::label).containsExactly("workspace.changed-only", "workspace.unchanged",
                "workspace.contains src/App.java", "workspace.not-contains src/App.java",
                "workspace.max-changed-lines");
    }

    @Test
    void reportsMistakesWhereTheyAre() {
        assertError(CODE + "answer: chat\n", "6:9: answer \"chat\" is not a way to answer");
        assertError(CODE + "agent: {max-tool-calls: 3}\n", "6:1: agent: sets the budgets of a task the model works"
                + " on with tools; add answer: agent");
        assertError(CODE + "answer: agent\nagent: {max-tool-calls: 0}\n", "7:25: agent.max-tool-calls must be a"
                + " whole number from 1");
        assertError(CODE + "answer: agent\nagent: {commands: [compile, sh]}\n", "7:29: \"sh\" is not a command");
        assertError(CODE + "answer: agent\nagent: {max-time: soon}\n", "7:19: agent.max-time \"soon\" is not a"
                + " duration");
        assertError(CODE + "answer: agent\nagent: {max-turns: 3}\n", "7:9: unknown key \"max-turns\"");
        assertError(CODE + "expect: {workspace: {max-changed-lines: 3}}\n", "6:21: expect.workspace checks what an"
                + " agent did");
        assertError(CODE + "answer: agent\nexpect: {workspace: {contains: [{file: ../x, text: a}]}}\n",
                "7:40: the path \"../x\" is outside the workspace");
        assertError(CODE + "answer: agent\nexpect: {workspace: {}}\n", "7:21: expect.workspace is empty");
    }

    private void assertError(String yaml, String message) {
        assertThatThrownBy(() -> read(yaml)).isInstanceOf(TaskFileException.class)
                .hasMessageStartingWith("tasks/checkout.yaml:" + message);
    }

    private CodeSpec read(String yaml) {
        Optional<CodeSpec> spec = CodeSpecReader.read((MappingNode) new Yaml().compose(new StringReader(yaml)),
                directory.resolve("checkout.yaml").toUri(), "tasks/checkout.yaml");
        return spec.orElseThrow();
    }
}
