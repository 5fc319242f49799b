package dev.evalunit.junit.engine;

import dev.evalunit.config.Constants;
import dev.evalunit.junit.EvalSuite;
import dev.evalunit.junit.engine.scan.ScannedSuite;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.engine.support.descriptor.ClasspathResourceSource;
import org.junit.platform.engine.support.descriptor.DirectorySource;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectClasspathResource;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.testkit.engine.EngineDiscoveryResults;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Set;

import static dev.evalunit.junit.engine.EngineRuns.ENGINE;
import static dev.evalunit.junit.engine.EngineRuns.evalunit;
import static dev.evalunit.junit.engine.EngineRuns.finishedTests;
import static dev.evalunit.junit.engine.EngineRuns.onDisk;
import static dev.evalunit.junit.engine.EngineRuns.passedTests;
import static dev.evalunit.junit.engine.EngineRuns.suiteId;
import static dev.evalunit.junit.engine.EngineRuns.taskId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectFile;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

/**
 * Every way a build, an IDE or a rerun selects tests reaches the same tasks. The fixture is
 * engine/discovery: tasks {@code tools/oom} and {@code slow-checkout}, and a notes.txt.
 */
class SelectorResolutionTest {

    private static final String DIRECTORY = "engine/discovery";
    private static final String OOM_FILE = "engine/discovery/tools/oom.yaml";

    @EvalSuite(DIRECTORY)
    static class DiscoverySuite {
    }

    @Suite
    @IncludeEngines(EvalUnitTestEngine.ENGINE_ID)
    @SelectClasspathResource(DIRECTORY)
    static class DiscoveryPlatformSuite {
    }

    @Test
    void runsEveryTaskOfASelectedSuiteClass() {
        EngineExecutionResults results = evalunit("oracle").selectors(selectClass(DiscoverySuite.class)).execute();

        assertThat(passedTests(results)).containsExactlyInAnyOrder("slow-checkout", "tools/oom");
        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
    }

    @Test
    void runsEveryTaskUnderASelectedClasspathDirectory() {
        TestDescriptor suite = onlySuite(evalunit().selectors(selectClasspathResource(DIRECTORY)));

        assertThat(suite.getUniqueId()).isEqualTo(ENGINE.append("classpath", DIRECTORY));
        assertThat(suite.getDisplayName()).isEqualTo(DIRECTORY);
        assertThat(suite.getSource()).contains(ClasspathResourceSource.from(DIRECTORY));
        assertThat(passedTests(evalunit("oracle").selectors(selectClasspathResource(DIRECTORY)).execute()))
                .containsExactlyInAnyOrder("slow-checkout", "tools/oom");
    }

    @Test
    void readsAClasspathDirectoryGivenWithSlashesAroundIt() {
        TestDescriptor suite = onlySuite(evalunit().selectors(selectClasspathResource("/" + DIRECTORY + "/")));

        assertThat(suite.getUniqueId()).isEqualTo(ENGINE.append("classpath", DIRECTORY));
        assertThat(suite.getChildren()).hasSize(2);
    }

    @Test
    void runsTheOneTaskOfASelectedClasspathFileNamedAfterTheFile() {
        EngineExecutionResults results = evalunit("oracle").selectors(selectClasspathResource(OOM_FILE)).execute();

        assertThat(passedTests(results)).containsExactly("oom");
        assertThat(results.testEvents().succeeded().list().get(0).getTestDescriptor().getUniqueId())
                .isEqualTo(ENGINE.append("classpath", OOM_FILE).append("task", "oom"));
    }

    @Test
    void runsTheOneTaskOfASelectedFile() {
        Path file = onDisk(OOM_FILE);

        EngineExecutionResults results = evalunit("oracle").selectors(selectFile(file.toFile())).execute();

        assertThat(passedTests(results)).containsExactly("oom");
        assertThat(results.testEvents().succeeded().list().get(0).getTestDescriptor().getUniqueId())
                .isEqualTo(ENGINE.append("path", file.toString()).append("task", "oom"));
    }

    @Test
    void runsEveryTaskUnderASelectedDirectory() {
        Path directory = onDisk(DIRECTORY);

        TestDescriptor suite = onlySuite(evalunit().selectors(selectDirectory(directory.toFile())));
        EngineExecutionResults results = evalunit("oracle").selectors(selectDirectory(directory.toFile())).execute();

        assertThat(suite.getUniqueId()).isEqualTo(ENGINE.append("path", directory.toString()));
        assertThat(suite.getSource()).contains(DirectorySource.from(directory.toFile()));
        assertThat(passedTests(results)).containsExactlyInAnyOrder("slow-checkout", "tools/oom");
    }

    @Test
    void rerunsASuiteSelectedByItsUniqueId() {
        EngineExecutionResults results = evalunit("oracle").selectors(selectUniqueId(suiteId(DiscoverySuite.class))).execute();

        assertThat(passedTests(results)).containsExactlyInAnyOrder("slow-checkout", "tools/oom");
    }

    @Test
    void rerunsOnlyTheTaskSelectedByItsUniqueId() {
        EngineExecutionResults results = evalunit("oracle")
                .selectors(selectUniqueId(taskId(DiscoverySuite.class, "tools/oom"))).execute();

        assertThat(finishedTests(results)).containsExactly("tools/oom");
        assertThat(passedTests(results)).containsExactly("tools/oom");
    }

    @Test
    void rerunsOnlyTheTaskOfAClasspathSuiteSelectedByItsUniqueId() {
        UniqueId task = ENGINE.append("classpath", DIRECTORY).append("task", "slow-checkout");

        EngineExecutionResults results = evalunit("oracle").selectors(selectUniqueId(task)).execute();

        assertThat(finishedTests(results)).containsExactly("slow-checkout");
        assertThat(passedTests(results)).containsExactly("slow-checkout");
    }

    @Test
    void rerunsOnlyTheTaskOfAPathSuiteSelectedByItsUniqueId() {
        UniqueId task = ENGINE.append("path", onDisk(DIRECTORY).toString()).append("task", "tools/oom");

        EngineExecutionResults results = evalunit("oracle").selectors(selectUniqueId(task)).execute();

        assertThat(finishedTests(results)).containsExactly("tools/oom");
        assertThat(passedTests(results)).containsExactly("tools/oom");
    }

    @Test
    void runsNothingAndSaysSoForTheUniqueIdOfATaskThatNoLongerExists() {
        UniqueId deleted = taskId(DiscoverySuite.class, "tools/deleted");

        EngineDiscoveryResults discovery = evalunit().selectors(selectUniqueId(deleted)).discover();
        EngineExecutionResults results = evalunit("oracle").selectors(selectUniqueId(deleted)).execute();

        assertThat(discovery.getEngineDescriptor().getChildren()).isEmpty();
        assertThat(discovery.getDiscoveryIssues()).singleElement()
                .satisfies(issue -> assertThat(issue.message()).contains(deleted.toString(), "could not be resolved"));
        results.testEvents().assertStatistics(stats -> stats.started(0));
    }

    @Test
    void findsTheSuiteClassesOfASelectedPackage() {
        TestDescriptor suite = onlySuite(evalunit().selectors(selectPackage(ScannedSuite.class.getPackageName())));
        EngineExecutionResults results = evalunit("oracle").selectors(selectPackage(ScannedSuite.class.getPackageName()))
                .execute();

        assertThat(suite.getUniqueId()).isEqualTo(suiteId(ScannedSuite.class));
        assertThat(passedTests(results)).containsExactlyInAnyOrder("slow-checkout", "tools/oom");
    }

    @Test
    void findsTheSuiteClassesUnderASelectedClasspathRootThatPassTheClassNameFilter() {
        EngineTestKit.Builder scan = evalunit("oracle")
                .selectors(selectClasspathRoots(Set.of(classpathRootOf(ScannedSuite.class))).toArray(DiscoverySelector[]::new))
                .filters(ClassNameFilter.includeClassNamePatterns(ScannedSuite.class.getPackageName().replace(".", "\\.") + "\\..*"));

        TestDescriptor suite = onlySuite(scan);

        assertThat(suite.getUniqueId()).isEqualTo(suiteId(ScannedSuite.class));
        assertThat(passedTests(scan.execute())).containsExactlyInAnyOrder("slow-checkout", "tools/oom");
    }

    @Test
    void runsTheTasksUnderASelectedDirectoryWhoseNameHasADot() {
        EngineExecutionResults results = evalunit("oracle").selectors(selectDirectory(onDisk("engine/release-1.2").toFile()))
                .execute();

        assertThat(passedTests(results)).containsExactly("greeting");
    }

    @Test
    void runsTheTasksUnderASelectedClasspathDirectoryWhoseNameHasADot() {
        EngineExecutionResults results = evalunit("oracle").selectors(selectClasspathResource("engine/release-1.2")).execute();

        assertThat(passedTests(results)).containsExactly("greeting");
    }

    @Test
    void leavesClasspathResourcesThatAreNotTaskFilesToOtherEngines() {
        assertThat(evalunit().selectors(selectClasspathResource("engine/discovery/notes.txt")).discover()
                .getEngineDescriptor().getChildren()).isEmpty();
    }

    @Test
    void leavesFilesThatAreNotTaskFilesToOtherEngines() {
        assertThat(evalunit().selectors(selectFile(onDisk("engine/discovery/notes.txt").toFile())).discover()
                .getEngineDescriptor().getChildren()).isEmpty();
    }

    @Test
    void runsTheTasksThatAJUnitPlatformSuiteSelects() {
        EngineExecutionResults results = EngineTestKit.engine("junit-platform-suite")
                .enableImplicitConfigurationParameters(false)
                .configurationParameter(Constants.MODEL_PROPERTY_NAME, "oracle")
                .selectors(selectClass(DiscoveryPlatformSuite.class))
                .execute();

        assertThat(passedTests(results)).containsExactlyInAnyOrder("slow-checkout", "tools/oom");
        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
    }

    private static TestDescriptor onlySuite(EngineTestKit.Builder selection) {
        TestDescriptor engine = selection.discover().getEngineDescriptor();
        assertThat(engine.getChildren()).hasSize(1);
        return engine.getChildren().iterator().next();
    }

    private static Path classpathRootOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
