package dev.evalunit.junit.engine;

import dev.evalunit.junit.EvalSuite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.ClasspathResourceSource;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;

import static dev.evalunit.junit.engine.EngineRuns.ENGINE;
import static dev.evalunit.junit.engine.EngineRuns.evalunit;
import static dev.evalunit.junit.engine.EngineRuns.onDisk;
import static dev.evalunit.junit.engine.EngineRuns.suiteId;
import static dev.evalunit.junit.engine.EngineRuns.taskId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;

/** What a build and an IDE see of an {@code @EvalSuite} class: the test tree, names, tags and sources. */
class EngineDiscoveryTest {

    /** engine/discovery: tools/oom.yaml (no id, tags sre and safety), latency.yml (id slow-checkout), notes.txt. */
    @EvalSuite("engine/discovery")
    static class DiscoverySuite {
    }

    @Test
    void discoversTheSuiteClassAsAContainerNamedAfterTheClass() {
        TestDescriptor suite = discoverSuite();

        assertThat(suite.getUniqueId()).isEqualTo(ENGINE.append("suite", DiscoverySuite.class.getName()));
        assertThat(suite.isContainer()).isTrue();
        assertThat(suite.getDisplayName()).isEqualTo("DiscoverySuite");
        assertThat(suite.getSource()).contains(ClassSource.from(DiscoverySuite.class));
    }

    @Test
    void reportsTheSuiteUnderTheClassesFullNameSoSurefireFilesItWithTheClass() {
        assertThat(discoverSuite().getLegacyReportingName()).isEqualTo(DiscoverySuite.class.getName());
    }

    @Test
    void discoversEveryTaskFileUnderTheLocationAsATestInPathOrder() {
        TestDescriptor suite = discoverSuite();

        assertThat(suite.getChildren()).allMatch(TestDescriptor::isTest);
        assertThat(suite.getChildren()).extracting(TestDescriptor::getUniqueId)
                .containsExactly(taskId(DiscoverySuite.class, "slow-checkout"), taskId(DiscoverySuite.class, "tools/oom"));
    }

    @Test
    void namesATaskByItsPathUnderTheLocationWithoutExtensionWhenTheFileSetsNoId() {
        assertThat(tasksByName()).containsKey("tools/oom");
    }

    @Test
    void namesATaskByTheIdTheFileSets() {
        assertThat(tasksByName()).containsKey("slow-checkout").doesNotContainKey("latency");
    }

    @Test
    void ignoresFilesThatAreNotYaml() {
        assertThat(tasksByName()).containsOnlyKeys("tools/oom", "slow-checkout");
    }

    @Test
    void turnsTheTagsOfATaskFileIntoTestTags() {
        Map<String, TestDescriptor> tasks = tasksByName();

        assertThat(tasks.get("tools/oom").getTags()).containsExactly(TestTag.create("sre"), TestTag.create("safety"));
        assertThat(tasks.get("slow-checkout").getTags()).containsExactly(TestTag.create("sre"));
    }

    @Test
    void pointsEachTaskAtItsFileOnDiskAndTheLineWhereTheTaskStarts() {
        TestDescriptor oom = tasksByName().get("tools/oom");

        // Line 1 of oom.yaml is a comment; the task's mapping starts on line 2.
        assertThat(oom.getSource()).contains(FileSource.from(onDisk("engine/discovery/tools/oom.yaml").toFile(),
                FilePosition.from(2, 1)));
    }

    @Test
    void pointsATaskInsideAJarAtItsClasspathResourceAndLine(@TempDir Path directory) throws IOException {
        Path jar = directory.resolve("tasks.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("jarred/"));
            out.putNextEntry(new JarEntry("jarred/hello.yaml"));
            out.write("# In a jar.\nprompt: Say hello.\nexpect: {output: [contains: hello]}\n".getBytes(StandardCharsets.UTF_8));
        }
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        TestDescriptor engine;
        try (URLClassLoader withJar = new URLClassLoader(new URL[] {jar.toUri().toURL()}, previous)) {
            // A classpath resource selected without a suite class is read through the context class loader.
            Thread.currentThread().setContextClassLoader(withJar);
            engine = evalunit().selectors(selectClasspathResource("jarred")).discover().getEngineDescriptor();
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }

        TestDescriptor hello = engine.getDescendants().stream().filter(TestDescriptor::isTest).findFirst().orElseThrow();
        assertThat(hello.getDisplayName()).isEqualTo("hello");
        assertThat(hello.getSource()).contains(ClasspathResourceSource.from("jarred/hello.yaml", FilePosition.from(2, 1)));
    }

    @Test
    void givesEveryTaskAUniqueIdUnderItsSuiteThatSurvivesItsStringForm() {
        UniqueId oom = tasksByName().get("tools/oom").getUniqueId();

        // JUnit's unique-id format escapes the slash of a task id inside a segment.
        assertThat(oom).hasToString("[engine:evalunit]/[suite:" + DiscoverySuite.class.getName() + "]/[task:tools%2Foom]");
        assertThat(UniqueId.parse(oom.toString())).isEqualTo(taskId(DiscoverySuite.class, "tools/oom"));
        assertThat(tasksByName().get("tools/oom").getParent().map(TestDescriptor::getUniqueId))
                .contains(suiteId(DiscoverySuite.class));
    }

    private static TestDescriptor discoverSuite() {
        TestDescriptor engine = evalunit().selectors(selectClass(DiscoverySuite.class)).discover().getEngineDescriptor();
        assertThat(engine.getChildren()).hasSize(1);
        return engine.getChildren().iterator().next();
    }

    private static Map<String, TestDescriptor> tasksByName() {
        return discoverSuite().getChildren().stream()
                .collect(Collectors.toMap(TestDescriptor::getDisplayName, Function.identity()));
    }
}
