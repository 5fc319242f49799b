package dev.evalunit.task;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import dev.evalunit.source.TaskFileException;

import static org.assertj.core.api.Assertions.assertThat;

class SuiteLoaderTest {

    @TempDir
    Path suite;

    @Test
    void reportsADuplicateIdAsAnErrorOfTheLaterFileAndLoadsTheOthers() throws IOException {
        TaskDocument first = file("a.yaml", "id: tools/oom\nprompt: A\nexpect: {output: [contains: a]}\n");
        TaskDocument second = file("b.yaml", "\nid: tools/oom\nprompt: B\nexpect: {output: [contains: b]}\n");
        TaskDocument other = file("c.yaml", "prompt: C\nexpect: {output: [contains: c]}\n");

        List<LoadedFile> loaded = new SuiteLoader().load(List.of(first, second, other));

        assertThat(loaded).extracting(LoadedFile::document).containsExactly(first, second, other);
        assertThat(loaded.get(0).file()).isPresent();
        assertThat(loaded.get(1).error()).get().extracting(TaskFileException::getMessage)
                .isEqualTo(second.path() + ":2:1: duplicate task id \"tools/oom\": already used by " + first.path()
                        + ":1:1; give one of them a different id (the id: key)");
        assertThat(loaded.get(2).file()).get().extracting(file -> file.tasks().get(0).id()).isEqualTo("c");
    }

    @Test
    void aSuiteLargeEnoughToLoadOnSeveralThreadsKeepsItsOrderItsDuplicatesAndItsErrors() throws IOException {
        List<TaskDocument> documents = new java.util.ArrayList<>();
        for (int i = 0; i < 640; i++) {
            String id = i == 7 || i == 600 ? "twice" : "task-" + i;
            String content = i == 300 ? "prompt: Hi\nexpct: {output: [contains: a]}\n"
                    : "id: " + id + "\nprompt: P" + i + "\nexpect: {output: [contains: a]}\n";
            documents.add(file(String.format("t%04d.yaml", i), content));
        }

        List<LoadedFile> loaded = new SuiteLoader(64).load(documents);

        assertThat(loaded).extracting(LoadedFile::document).containsExactlyElementsOf(documents);
        assertThat(loaded.get(7).file()).isPresent();
        assertThat(loaded.get(600).error()).get().extracting(TaskFileException::getMessage).asString()
                .contains("duplicate task id \"twice\": already used by " + documents.get(7).path());
        assertThat(loaded.get(300).error()).get().extracting(TaskFileException::getMessage).asString()
                .contains("unknown key \"expct\"");
        assertThat(loaded).filteredOn(file -> file.error().isPresent()).hasSize(2);
        assertThat(loaded.get(639).file()).get().extracting(file -> file.tasks().get(0).id()).isEqualTo("task-639");
    }

    @Test
    void reportsABrokenFileAndLoadsTheOthers() throws IOException {
        TaskDocument broken = file("broken.yaml", "prompt: Hi\nexpct: {output: [contains: a]}\n");
        TaskDocument fine = file("fine.yaml", "prompt: Hi\nexpect: {output: [contains: a]}\n");

        List<LoadedFile> loaded = new SuiteLoader().load(List.of(broken, fine));

        assertThat(loaded.get(0).error()).get().extracting(TaskFileException::getMessage).asString()
                .startsWith(broken.path() + ":2:1: unknown key \"expct\"");
        assertThat(loaded.get(1).file()).isPresent();
    }

    @Test
    void reportsAFileThatCannotBeReadAtItsStart() {
        TaskDocument missing = new TaskDocument(suite.resolve("gone.yaml").toUri(), "gone.yaml", "gone");

        assertThat(new SuiteLoader().load(List.of(missing))).singleElement().satisfies(loaded -> {
            assertThat(loaded.file()).isEmpty();
            assertThat(loaded.error()).get().extracting(TaskFileException::getMessage).asString()
                    .startsWith("gone.yaml:1:1: cannot read the file (java.nio.file.NoSuchFileException: ")
                    .endsWith("); check that it exists, is readable and is UTF-8 text");
        });
    }

    @Test
    void reportsAFileThatIsNotUtf8() throws IOException {
        Path file = Files.write(suite.resolve("latin1.yaml"), new byte[] {'p', ':', ' ', (byte) 0xE9, '\n'});
        TaskDocument latin1 = new TaskDocument(file.toUri(), "latin1.yaml", "latin1");

        assertThat(new SuiteLoader().load(List.of(latin1)).get(0).error()).get()
                .extracting(TaskFileException::getMessage).asString()
                .startsWith("latin1.yaml:1:1: cannot read the file (java.nio.charset.MalformedInputException");
    }

    private TaskDocument file(String name, String content) throws IOException {
        return TaskDocuments.ofFile(Files.writeString(suite.resolve(name), content)).get(0);
    }
}
