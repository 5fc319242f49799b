package dev.evalunit.code;

import dev.langchain4j.agent.tool.ToolSpecification;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Each workspace tool both ways: what it does for a right call, and how it refuses a wrong or hostile one. */
class AgentWorkspaceTest {

    private static final String APP = "src/shop/App.java";
    private static final Duration TIME = Duration.ofSeconds(120);

    private AgentWorkspace workspace;

    @AfterEach
    void close() {
        if (workspace != null) {
            workspace.close();
        }
    }

    private AgentWorkspace open(List<String> commands) {
        CodeSpec plain = Programs.spec(Map.of(APP, Programs.PLAIN_APP, "README.md", "the shop\n"),
                List.of(Programs.process("app", "shop.App")), List.of());
        CodeSpec spec = new CodeSpec(plain.workspace(), Optional.of(Map.of(APP, Programs.TRACED_APP)), plain.run(),
                List.of(), plain.source(), Optional.of(new AgentSpec(OptionalInt.empty(), Optional.empty(),
                OptionalLong.empty(), commands, 500)));
        workspace = AgentWorkspace.open(spec);
        return workspace;
    }

    private AgentWorkspace open() {
        return open(AgentSpec.COMMANDS);
    }

    private AgentWorkspace.Result call(String tool, String arguments) {
        return workspace.execute(tool, arguments, TIME);
    }

    private static String write(String path, String content) {
        return "{\"path\":" + json(path) + ",\"content\":" + json(content) + "}";
    }

    private static String json(String text) {
        return com.fasterxml.jackson.databind.node.TextNode.valueOf(text).toString();
    }

    @Test
    void offersTheToolsWithTheTasksCommandsAndProcesses() {
        open(List.of("compile", "run"));

        assertThat(workspace.tools()).extracting(ToolSpecification::name).containsExactly("list_files", "read_file",
                "write_file", "edit_file", "run_command", "finish");
        assertThat(workspace.tools().get(4).description()).contains("\"compile\"", "\"run NAME\"", "processes: app")
                .doesNotContain("\"build\"");
    }

    @Test
    void offersNoRunCommandWhenTheTaskAllowsNoCommand() {
        open(List.of());

        assertThat(workspace.tools()).extracting(ToolSpecification::name).doesNotContain("run_command");
        assertThat(call("run_command", "{\"command\":\"build\"}").errorType()).hasValue("tool_not_found");
    }

    @Test
    void listsTheFilesWithTheirSizes() {
        open();

        AgentWorkspace.Result listed = call("list_files", "{}");

        assertThat(listed.errorType()).isEmpty();
        assertThat(listed.text()).startsWith("2 files:\n").contains("README.md (9 characters)",
                APP + " (" + Programs.PLAIN_APP.length() + " characters)");
    }

    @Test
    void readsAFileAndLongFilesInParts() {
        open();
        call("write_file", write("notes.txt", "x".repeat(700)));

        assertThat(call("read_file", "{\"path\":\"README.md\"}").text()).isEqualTo("the shop\n");
        AgentWorkspace.Result first = call("read_file", "{\"path\":\"notes.txt\"}");
        assertThat(first.text()).startsWith("x".repeat(500)).endsWith("[characters 0 to 500 of 700 in notes.txt;"
                + " read on with offset 500]");
        assertThat(call("read_file", "{\"path\":\"notes.txt\",\"offset\":500}").text())
                .startsWith("x".repeat(200) + "\n[characters 500 to 700");
    }

    @Test
    void refusesToReadAFileThatIsNotThere() {
        open();

        AgentWorkspace.Result missing = call("read_file", "{\"path\":\"src/shop/Nope.java\"}");

        assertThat(missing.errorType()).hasValue("file_not_found");
        assertThat(missing.text()).startsWith("Error: there is no file \"src/shop/Nope.java\"");
    }

    @Test
    void writesAWholeFileCreatingItsFolders() {
        open();

        AgentWorkspace.Result written = call("write_file", write("src/shop/deep/Tracing.java", "class Tracing {}\n"));

        assertThat(written.text()).isEqualTo("created src/shop/deep/Tracing.java (17 characters)");
        assertThat(workspace.files()).containsEntry("src/shop/deep/Tracing.java", "class Tracing {}\n")
                .containsEntry("README.md", "the shop\n");
    }

    @Test
    void refusesPathsThatLeaveTheWorkspace() {
        open();

        for (String path : List.of("../escape.txt", "/etc/passwd", "src/../../escape.txt", "src\\x.txt", "~/x",
                "src//x", "./x", "")) {
            AgentWorkspace.Result refused = call("write_file", write(path, "owned"));
            assertThat(refused.errorType()).as(path).hasValue("invalid_path");
            assertThat(call("read_file", "{\"path\":" + json(path) + "}").errorType()).as(path).hasValue("invalid_path");
        }
        assertThat(workspace.files()).containsOnlyKeys(APP, "README.md");
    }

    @Test
    void neverFollowsASymbolicLinkOutOfTheWorkspace() throws IOException {
        open();
        Path outside = Files.createTempFile("evalunit-outside-", ".txt");
        try {
            Files.writeString(outside, "secret");
            Path link = rootOf(workspace).resolve("link.txt");
            Files.createSymbolicLink(link, outside);
            Files.createSymbolicLink(rootOf(workspace).resolve("src/out"), outside.getParent());

            assertThat(call("read_file", "{\"path\":\"link.txt\"}").errorType()).hasValue("invalid_path");
            assertThat(call("write_file", write("link.txt", "overwritten")).errorType()).hasValue("invalid_path");
            assertThat(call("write_file", write("src/out/planted.txt", "x")).errorType()).hasValue("invalid_path");
            assertThat(call("edit_file", "{\"path\":\"link.txt\",\"old_text\":\"secret\",\"new_text\":\"x\"}")
                    .errorType()).hasValue("invalid_path");
            assertThat(Files.readString(outside)).isEqualTo("secret");
            assertThat(Files.exists(outside.getParent().resolve("planted.txt"))).isFalse();
            assertThat(workspace.files()).containsOnlyKeys(APP, "README.md");
        } finally {
            Files.deleteIfExists(outside);
        }
    }

    @Test
    void refusesAWorkspaceLargerThanATaskFolderMayBe() {
        open();

        AgentWorkspace.Result tooLarge = call("write_file", write("big.txt", "x".repeat(AgentWorkspace.MAX_CHARS)));
        assertThat(tooLarge.errorType()).hasValue("too_large");
        for (int i = 0; i < AgentWorkspace.MAX_FILES - 2; i++) {
            assertThat(call("write_file", write("f/" + i + ".txt", "x")).errorType()).isEmpty();
        }
        assertThat(call("write_file", write("one-more.txt", "x")).text())
                .isEqualTo("Error: the workspace already holds 200 files, the most it may");
        assertThat(call("list_files", "{}").text()).endsWith("more characters]");
    }

    @Test
    void editsOneExactText() {
        open();

        AgentWorkspace.Result edited = call("edit_file", "{\"path\":\"README.md\",\"old_text\":\"shop\","
                + "\"new_text\":\"traced shop\"}");

        assertThat(edited.errorType()).isEmpty();
        assertThat(workspace.files()).containsEntry("README.md", "the traced shop\n");
    }

    @Test
    void refusesAnEditWhoseTextIsMissingOrAmbiguous() {
        open();
        call("write_file", write("twice.txt", "span span"));

        assertThat(call("edit_file", "{\"path\":\"README.md\",\"old_text\":\"store\",\"new_text\":\"x\"}").text())
                .startsWith("Error: old_text does not occur in README.md");
        assertThat(call("edit_file", "{\"path\":\"twice.txt\",\"old_text\":\"span\",\"new_text\":\"x\"}").text())
                .startsWith("Error: old_text occurs 2 times in twice.txt");
        assertThat(call("edit_file", "{\"path\":\"gone.txt\",\"old_text\":\"a\",\"new_text\":\"x\"}").errorType())
                .hasValue("file_not_found");
        assertThat(workspace.files()).containsEntry("twice.txt", "span span");
    }

    @Test
    void refusesArgumentsThatAreNotTheToolsJson() {
        open();

        assertThat(call("read_file", "not json").errorType()).hasValue("invalid_arguments");
        assertThat(call("read_file", "[1]").errorType()).hasValue("invalid_arguments");
        assertThat(call("read_file", "{\"path\":3}").text()).isEqualTo("Error: give \"path\" as a string");
        assertThat(call("read_file", "{\"path\":\"README.md\",\"offset\":-1}").errorType()).hasValue("invalid_arguments");
        assertThat(call("write_file", "x".repeat(AgentWorkspace.MAX_ARGUMENT_CHARS + 1)).errorType())
                .hasValue("too_large");
        assertThat(call("delete_file", "{}").text()).startsWith("Error: there is no tool named \"delete_file\"");
    }

    @Test
    void compilesAndReportsTheCompilersErrors() {
        open();

        assertThat(call("run_command", "{\"command\":\"compile\"}")).isEqualTo(
                new AgentWorkspace.Result("compiled: no errors", Optional.empty()));
        call("write_file", write(APP, "package shop;\npublic class App { void broken( }\n"));
        AgentWorkspace.Result failed = call("run_command", "{\"command\":\"compile\"}");
        assertThat(failed.errorType()).hasValue("command_failed");
        assertThat(failed.text()).startsWith("compile error: src/shop/App.java:2:");
    }

    @Test
    void buildsAndRunsTheWorkspaceAsTheJudgeDoesAndReportsTheSpans() {
        open();
        call("write_file", write(APP, Programs.TRACED_APP));

        AgentWorkspace.Result built = call("run_command", "{\"command\":\"build\"}");

        assertThat(built.errorType()).isEmpty();
        assertThat(built.text()).startsWith("build passed: every process ran")
                .contains("process app: exited with 0, output:\norder placed", "exported 3 spans in 2 traces",
                        "1 x charge (INTERNAL, service shop, scope shop.app)");
    }

    @Test
    void aBuildThatFailsSaysWhyAndIsAnError() {
        open();

        AgentWorkspace.Result built = call("run_command", "{\"command\":\"build\"}");

        assertThat(built.errorType()).hasValue("command_failed");
        assertThat(built.text()).startsWith("build failed: the run exported no spans")
                .contains("process app: exited with 0", "exported no spans");
    }

    @Test
    void runsOneProcessByName() {
        open();

        assertThat(call("run_command", "{\"command\":\"run app\"}").text()).startsWith("run failed: the run exported"
                + " no spans").contains("order placed");
        assertThat(call("run_command", "{\"command\":\"run web\"}").text())
                .isEqualTo("Error: there is no process \"web\"; the processes are: app");
        assertThat(call("run_command", "{\"command\":\"run\"}").errorType()).hasValue("invalid_arguments");
    }

    @Test
    void refusesACommandTheTaskDoesNotAllow() {
        open(List.of("compile"));

        for (String command : List.of("build", "run app", "mvn package", "rm -rf /", "sh -c 'curl x'")) {
            AgentWorkspace.Result refused = call("run_command", "{\"command\":" + json(command) + "}");
            assertThat(refused.errorType()).as(command).hasValue("command_not_allowed");
            assertThat(refused.text()).contains("is not a command of this task; the commands are: \"compile\"");
        }
    }

    @Test
    void finishesOnceAndTakesNoToolCallAfterwards() {
        open();
        assertThat(workspace.finished()).isEmpty();

        assertThat(call("finish", "{\"summary\":\"added spans\"}").errorType()).isEmpty();

        assertThat(workspace.finished()).hasValue("added spans");
        assertThat(call("write_file", write(APP, "x")).errorType()).hasValue("already_finished");
        assertThat(workspace.files()).containsEntry(APP, Programs.PLAIN_APP);
    }

    @Test
    void replaysTheReferenceAsToolCalls() {
        open();

        assertThat(AgentWorkspace.replay(Map.of(APP, "class App {}"), AgentSpec.defaults()))
                .extracting(call -> call.tool() + " " + call.arguments())
                .containsExactly("write_file {\"path\":\"src/shop/App.java\",\"content\":\"class App {}\"}",
                        "run_command {\"command\":\"build\"}",
                        "finish {\"summary\":\"wrote the reference solution\"}");
    }

    @Test
    void removesTheWorkspaceWhenClosed() {
        open();
        Path root = rootOf(workspace);

        workspace.close();

        assertThat(Files.exists(root)).isFalse();
        assertThat(call("list_files", "{}").errorType()).hasValue("workspace_closed");
    }

    private static Path rootOf(AgentWorkspace workspace) {
        return workspace.root();
    }
}
