package dev.evalunit.task;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaskDocumentsTest {

    private final ClassLoader testClasspath = getClass().getClassLoader();

    @Test
    void findsTaskFilesInAClasspathDirectoryRecursivelySortedByPath() throws IOException {
        List<TaskDocument> documents = TaskDocuments.onClasspath(testClasspath, "tasks/sre");

        assertThat(documents).extracting(TaskDocument::path)
                .containsExactly("tasks/sre/latency.yml", "tasks/sre/tools/oom.yaml");
        assertThat(documents).extracting(TaskDocument::defaultId).containsExactly("latency", "tools/oom");
        assertThat(documents.get(1).uri().getScheme()).isEqualTo("file");
        assertThat(documents.get(1).read()).contains("The checkout pod keeps restarting.");
    }

    @Test
    void acceptsALocationWithLeadingAndTrailingSlashes() {
        assertThat(TaskDocuments.onClasspath(testClasspath, "/tasks/sre/"))
                .isEqualTo(TaskDocuments.onClasspath(testClasspath, "tasks/sre"));
    }

    @Test
    void findsASingleClasspathFileWithItsNameAsDefaultId() {
        assertThat(TaskDocuments.onClasspath(testClasspath, "tasks/sre/tools/oom.yaml")).singleElement()
                .satisfies(document -> {
                    assertThat(document.path()).isEqualTo("tasks/sre/tools/oom.yaml");
                    assertThat(document.defaultId()).isEqualTo("oom");
                });
    }

    @Test
    void refusesAClasspathLocationThatDoesNotExistNamingIt() {
        assertThatThrownBy(() -> TaskDocuments.onClasspath(testClasspath, "tasks/sr"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("classpath location \"tasks/sr\" not found; check that it is spelt right and that the"
                        + " directory or file is under src/test/resources (or another classpath root) of the module"
                        + " that runs the suite");
    }

    @Test
    void findsTaskFilesInAJarOnTheClasspath(@TempDir Path temp) throws IOException {
        Path jar = jar(temp.resolve("tasks.jar"), Map.of(
                "sre/tools/oom.yaml", "prompt: Hi\nexpect: {output: [contains: OOM]}\n",
                "sre/a.yml", "prompt: A\nexpect: {output: [contains: a]}\n",
                "sre/README.md", "not a task"));

        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            List<TaskDocument> documents = TaskDocuments.onClasspath(loader, "sre");

            assertThat(documents).extracting(TaskDocument::path).containsExactly("sre/a.yml", "sre/tools/oom.yaml");
            assertThat(documents).extracting(TaskDocument::defaultId).containsExactly("a", "tools/oom");
            assertThat(documents.get(1).uri().getScheme()).isEqualTo("jar");
            assertThat(documents.get(1).read()).isEqualTo("prompt: Hi\nexpect: {output: [contains: OOM]}\n");
            assertThat(TaskDocuments.onClasspath(loader, "sre/tools/oom.yaml")).singleElement()
                    .extracting(TaskDocument::defaultId).isEqualTo("oom");
        }
    }

    @Test
    void scansAJarThatSomeoneElseHasOpenAsAFileSystem(@TempDir Path temp) throws IOException {
        Path jar = jar(temp.resolve("tasks.jar"), Map.of("sre/a.yaml", "prompt: A\n"));

        try (FileSystem alreadyOpen = FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), Map.of());
             URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            assertThat(TaskDocuments.onClasspath(loader, "sre")).hasSize(1);
            assertThat(TaskDocuments.onClasspath(loader, "sre")).hasSize(1);
            assertThat(alreadyOpen.isOpen()).as("still open for its owner").isTrue();
        }
    }

    @Test
    void attachesTheFolderDefaultsOfAJarToItsTaskFilesAndSkipsThemAsTasks(@TempDir Path temp) throws IOException {
        Path jar = jar(temp.resolve("tasks.jar"), Map.of(
                "sre/_defaults.yaml", "system: s\n",
                "sre/tools/_defaults.yaml", "tags: [tools]\n",
                "sre/tools/oom.yaml", "prompt: Hi\n",
                "sre/a.yaml", "prompt: A\n"));

        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            List<TaskDocument> documents = TaskDocuments.onClasspath(loader, "sre");

            assertThat(documents).extracting(TaskDocument::path).containsExactly("sre/a.yaml", "sre/tools/oom.yaml");
            assertThat(documents.get(0).defaults()).extracting(TaskDocument::path).containsExactly("sre/_defaults.yaml");
            assertThat(documents.get(1).defaults()).extracting(TaskDocument::path)
                    .containsExactly("sre/_defaults.yaml", "sre/tools/_defaults.yaml");
            assertThat(documents.get(1).defaults().get(1).read()).isEqualTo("tags: [tools]\n");
            assertThat(TaskDocuments.onClasspath(loader, "sre/tools/oom.yaml")).singleElement()
                    .satisfies(file -> assertThat(file.defaults()).extracting(TaskDocument::path)
                            .containsExactly("sre/tools/_defaults.yaml"));
        }
    }

    @Test
    void findsALocationInEveryClasspathRoot(@TempDir Path temp) throws IOException {
        Path jar = jar(temp.resolve("tasks.jar"), Map.of("sre/b.yaml", "prompt: B\n"));
        Path directory = temp.resolve("classes");
        Files.createDirectories(directory.resolve("sre"));
        Files.writeString(directory.resolve("sre/a.yaml"), "prompt: A\n");
        Files.writeString(directory.resolve("sre/c.yaml"), "prompt: C\n");

        try (URLClassLoader loader = new URLClassLoader(new URL[] {directory.toUri().toURL(), jar.toUri().toURL()}, null)) {
            assertThat(TaskDocuments.onClasspath(loader, "sre")).extracting(TaskDocument::path)
                    .containsExactly("sre/a.yaml", "sre/b.yaml", "sre/c.yaml");
        }
    }

    @Test
    void findsTaskFilesInADirectoryShowingPathsFromTheWorkingDirectory() {
        // Surefire runs tests in the module's directory.
        List<TaskDocument> documents = TaskDocuments.inDirectory(Path.of("src/test/resources/tasks/sre"));

        assertThat(documents).extracting(TaskDocument::path)
                .containsExactly("src/test/resources/tasks/sre/latency.yml", "src/test/resources/tasks/sre/tools/oom.yaml");
        assertThat(documents).extracting(TaskDocument::defaultId).containsExactly("latency", "tools/oom");
        assertThat(documents.get(0).uri())
                .isEqualTo(Path.of("src/test/resources/tasks/sre/latency.yml").toAbsolutePath().toUri());
    }

    @Test
    void showsTheAbsolutePathOfAFileOutsideTheWorkingDirectory(@TempDir Path temp) throws IOException {
        Path file = Files.writeString(temp.resolve("oom.yaml"), "prompt: Hi\n");

        assertThat(TaskDocuments.ofFile(file)).singleElement().satisfies(document -> {
            assertThat(document.path()).isEqualTo(file.toAbsolutePath().toString().replace('\\', '/'));
            assertThat(document.defaultId()).isEqualTo("oom");
            assertThat(document.read()).isEqualTo("prompt: Hi\n");
        });
    }

    @Test
    void refusesADirectoryOrFileThatDoesNotExist(@TempDir Path temp) {
        assertThatThrownBy(() -> TaskDocuments.inDirectory(temp.resolve("missing")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("directory \"" + temp.resolve("missing") + "\" not found; check the path");
        assertThatThrownBy(() -> TaskDocuments.ofFile(temp.resolve("missing.yaml")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("task file \"" + temp.resolve("missing.yaml") + "\" not found; check the path");
    }

    private static Path jar(Path jar, Map<String, String> files) throws IOException {
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out)) {
            // Directory entries, as Maven writes them: class loaders find directories by them.
            for (String directory : List.of("sre/", "sre/tools/")) {
                zip.putNextEntry(new ZipEntry(directory));
                zip.closeEntry();
            }
            for (Map.Entry<String, String> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return jar;
    }
}
