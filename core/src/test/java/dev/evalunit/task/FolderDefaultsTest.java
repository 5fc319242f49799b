package dev.evalunit.task;

import dev.evalunit.check.Check;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import dev.evalunit.source.TaskFileException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A folder's _defaults.yaml applies to every task below it, nearest folder first. */
class FolderDefaultsTest {

    @TempDir
    Path suite;

    @Test
    void isNoTaskFileAndAppliesToTheTasksBelowItOutermostFirst() throws IOException {
        write("_defaults.yaml", "system: You are an SRE.\ntags: [sre]\nexpect: {spans: [{name: \"chat *\"}]}\n");
        write("k8s/_defaults.yaml", "tags: [kubernetes]\ntimeout: 30s\n");
        write("k8s/oom.yaml", "prompt: Why?\nexpect: {output: [contains: OOM]}\n");
        write("top.yaml", "prompt: Hi\n");

        List<TaskDocument> documents = TaskDocuments.inDirectory(suite);

        assertThat(documents).extracting(TaskDocument::defaultId).containsExactly("k8s/oom", "top");
        assertThat(documents.get(0).defaults()).extracting(document -> suite.relativize(Path.of(document.uri())).toString())
                .containsExactly("_defaults.yaml", "k8s/_defaults.yaml");
        List<Task> tasks = tasks(documents);
        assertThat(tasks.get(0).tags()).containsExactly("sre", "kubernetes");
        assertThat(tasks.get(0).messages().get(0).content()).isEqualTo("You are an SRE.");
        assertThat(tasks.get(0).timeout()).hasValueSatisfying(timeout -> assertThat(timeout).hasSeconds(30));
        assertThat(tasks.get(0).checks()).extracting(Check::label).containsExactly("output", "spans[0] \"chat *\"");
        assertThat(tasks.get(1).checks()).as("a task with no checks of its own has the defaults'")
                .extracting(Check::label).containsExactly("spans[0] \"chat *\"");
    }

    @Test
    void theNearestFolderWinsAndATaskOverridesThemAll() throws IOException {
        write("_defaults.yaml", "system: outer\ntrials: 3\npass: any\n");
        write("a/_defaults.yaml", "system: inner\n");
        write("a/x.yaml", "prompt: Hi\nexpect: {output: [contains: a]}\n");
        write("a/y.yaml", "system: own\ntrials: 1\nprompt: Hi\nexpect: {output: [contains: a]}\n");

        List<Task> tasks = tasks(TaskDocuments.inDirectory(suite));

        assertThat(tasks.get(0).messages().get(0).content()).isEqualTo("inner");
        assertThat(tasks.get(0).trials()).isEqualTo(3);
        assertThat(tasks.get(0).pass()).isEqualTo(PassPolicy.ANY);
        assertThat(tasks.get(1).messages().get(0).content()).isEqualTo("own");
        assertThat(tasks.get(1).trials()).isEqualTo(1);
    }

    @Test
    void applyToEveryItemOfATaskListUnderTheListsOwnDefaults() throws IOException {
        write("_defaults.yaml", "tags: [folder]\nsystem: folder\nexpect: {spans: [{name: \"chat *\", count: 1}]}\n");
        write("list.yaml", """
                tags: [file]
                system: file
                expect: {spans: [{name: "invoke_agent *"}]}
                tasks:
                  - {id: a, prompt: Hi, expect: {spans: [{name: "execute_tool *", count: 0}]}}
                """);

        Task task = tasks(TaskDocuments.inDirectory(suite)).get(0);

        assertThat(task.tags()).containsExactly("folder", "file");
        assertThat(task.messages().get(0).content()).isEqualTo("file");
        assertThat(task.checks()).extracting(Check::label).containsExactly("spans[0] \"chat *\"",
                "spans[1] \"invoke_agent *\"", "spans[2] \"execute_tool *\"");
    }

    @Test
    void aBrokenDefaultsFileIsReportedOnceAndTheTasksBelowItAreLeftOut() throws IOException {
        write("a/_defaults.yaml", "sytem: typo\n");
        write("a/x.yaml", "prompt: Hi\nexpect: {output: [contains: a]}\n");
        write("a/b/y.yaml", "prompt: Hi\nexpect: {output: [contains: a]}\n");
        write("z.yaml", "prompt: Hi\nexpect: {output: [contains: a]}\n");

        List<LoadedFile> loaded = new SuiteLoader().load(TaskDocuments.inDirectory(suite));

        assertThat(loaded).hasSize(2);
        assertThat(loaded.get(0).error()).get().extracting(TaskFileException::getMessage).asString()
                .startsWith(shown("z.yaml").replace("z.yaml", "a/_defaults.yaml") + ":1:1: unknown key \"sytem\"; did you mean \"system\"?"
                        + " Allowed here: tags, system, tools, trials, pass, timeout, expect, cluster")
                .endsWith("(the tasks below this folder are not loaded until it is fixed)");
        assertThat(loaded.get(1).file()).get().extracting(TaskFile::id).isEqualTo("z");
    }

    @Test
    void aSelectedFileTakesTheDefaultsOfItsFolderAndTheDefaultsFileItselfIsNoTask() throws IOException {
        write("_defaults.yaml", "system: folder\n");
        Path file = write("x.yaml", "prompt: Hi\nexpect: {output: [contains: a]}\n");

        assertThat(tasks(TaskDocuments.ofFile(file)).get(0).messages().get(0).content()).isEqualTo("folder");
        assertThatThrownBy(() -> TaskDocuments.ofFile(suite.resolve("_defaults.yaml")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("holds folder defaults, not tasks; select its folder");
    }

    @Test
    void aDefaultsFileNamedYmlIsAMistakeSayingTheName() throws IOException {
        write("_defaults.yml", "system: folder\n");

        assertThat(new SuiteLoader().load(TaskDocuments.inDirectory(suite))).singleElement()
                .satisfies(loaded -> assertThat(loaded.error()).get().extracting(TaskFileException::problem)
                        .isEqualTo("folder defaults are read from _defaults.yaml only; rename this file to _defaults.yaml"));
    }

    @Test
    void aDuplicateIdAcrossFilesIsAProblemOfTheLaterItemOnly() throws IOException {
        write("a.yaml", "id: list/x\nprompt: Hi\nexpect: {output: [contains: a]}\n");
        write("list.yaml", "tasks:\n  - {id: x, prompt: Hi, expect: {output: [contains: a]}}\n"
                + "  - {id: y, prompt: Hi, expect: {output: [contains: a]}}\n");

        List<LoadedFile> loaded = new SuiteLoader().load(TaskDocuments.inDirectory(suite));

        TaskFile list = loaded.get(1).file().orElseThrow();
        assertThat(list.items()).extracting(TaskFile.Item::id).containsExactly("list/x (" + shown("list.yaml") + ":2:5)",
                "list/y");
        assertThat(list.items().get(0).problem()).get().extracting(TaskFileException::problem).asString()
                .startsWith("duplicate task id \"list/x\": already used by " + shown("a.yaml") + ":1:1");
    }

    private String shown(String relative) {
        return TaskDocuments.ofFile(suite.resolve(relative)).get(0).path();
    }

    private Path write(String name, String content) throws IOException {
        Path file = suite.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    private static List<Task> tasks(List<TaskDocument> documents) {
        return new SuiteLoader().load(documents).stream()
                .peek(loaded -> assertThat(loaded.error()).as("error of %s", loaded.document().path()).isEmpty())
                .flatMap(loaded -> loaded.file().orElseThrow().tasks().stream())
                .toList();
    }
}
