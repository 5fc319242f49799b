package dev.evalunit.junit.engine;

import dev.evalunit.junit.EvalSuite;
import dev.evalunit.source.TaskFileException;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.evalunit.junit.engine.EngineRuns.ENGINE;
import static dev.evalunit.junit.engine.EngineRuns.evalunit;
import static dev.evalunit.junit.engine.EngineRuns.failureOf;
import static dev.evalunit.junit.engine.EngineRuns.onDisk;
import static dev.evalunit.junit.engine.EngineRuns.passedTests;
import static dev.evalunit.junit.engine.EngineRuns.suiteId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

/**
 * A broken task file is one failing test, named after the file, whose message says where and what
 * to fix; the suite's good tasks still run. engine/broken holds two good tasks (good,
 * checkout-down) and one file for each kind of mistake.
 */
class BrokenTaskFilesTest {

    private static final String BROKEN = "engine/broken";

    @EvalSuite(BROKEN)
    static class BrokenSuite {
    }

    @EvalSuite("engine/no-such-directory")
    static class MissingLocationSuite {
    }

    @Test
    void runsEveryGoodTaskOfASuiteWithBrokenFiles() {
        EngineExecutionResults results = runBrokenSuite();

        assertThat(passedTests(results)).containsExactlyInAnyOrder("good", "checkout-down");
        results.testEvents().assertStatistics(stats -> stats.started(7).succeeded(2).failed(5));
    }

    @Test
    void reportsEachBrokenFileAsOneTestNamedAfterTheFile() {
        Map<String, TestDescriptor> tests = evalunit().selectors(selectClasspathResource(BROKEN)).discover()
                .getEngineDescriptor().getDescendants().stream()
                .filter(TestDescriptor::isTest)
                .collect(Collectors.toMap(TestDescriptor::getDisplayName, Function.identity()));

        assertThat(tests).containsOnlyKeys("good", "checkout-down", file("bad-regex"), file("duplicate-id"),
                file("no-prompt"), file("unknown-key"), file("yaml-syntax"));
        assertThat(tests.get(file("unknown-key")).getUniqueId())
                .isEqualTo(ENGINE.append("classpath", BROKEN).append("file", file("unknown-key")));
    }

    @Test
    void reportsTheBrokenFilesOfASuiteClassUnderThatSuite() {
        EngineExecutionResults results = evalunit("oracle").selectors(selectClass(BrokenSuite.class)).execute();

        assertThat(passedTests(results)).containsExactlyInAnyOrder("good", "checkout-down");
        assertThat(results.testEvents().failed().stream().map(event -> event.getTestDescriptor().getUniqueId()))
                .contains(suiteId(BrokenSuite.class).append("file", file("no-prompt")))
                .hasSize(5);
    }

    @Test
    void pointsTheTestOfABrokenFileAtTheMistake() {
        TestDescriptor unknownKey = evalunit().selectors(selectClasspathResource(BROKEN)).discover()
                .getEngineDescriptor().getDescendants().stream()
                .filter(test -> test.getDisplayName().equals(file("unknown-key")))
                .findFirst().orElseThrow();

        assertThat(unknownKey.getSource()).contains(FileSource.from(onDisk(file("unknown-key")).toFile(),
                FilePosition.from(6, 3)));
    }

    @Test
    void namesAnUnknownKeyAndTheKeyMostLikelyMeant() {
        assertThat(failureOf(runBrokenSuite(), file("unknown-key")))
                .isInstanceOf(TaskFileException.class)
                .hasMessageStartingWith(file("unknown-key") + ":6:3: ")
                .hasMessageContaining("unknown key \"spnas\"; did you mean \"spans\"?");
    }

    @Test
    void reportsAYamlSyntaxErrorWithItsPosition() {
        assertThat(failureOf(runBrokenSuite(), file("yaml-syntax")))
                .isInstanceOf(TaskFileException.class)
                // The flow sequence opened on line 4 is still open where the file ends.
                .hasMessageStartingWith(file("yaml-syntax") + ":5:1: invalid YAML: expected ',' or ']'");
    }

    @Test
    void reportsATaskWithoutPrompt() {
        assertThat(failureOf(runBrokenSuite(), file("no-prompt")))
                .isInstanceOf(TaskFileException.class)
                .hasMessageStartingWith(file("no-prompt") + ":1:1: ")
                .hasMessageContaining("the task has no prompt");
    }

    @Test
    void reportsARegularExpressionThatDoesNotCompile() {
        assertThat(failureOf(runBrokenSuite(), file("bad-regex")))
                .isInstanceOf(TaskFileException.class)
                .hasMessageStartingWith(file("bad-regex") + ":4:16: ")
                .hasMessageContaining("\"(deploy\" is not a valid regular expression");
    }

    @Test
    void reportsTheLaterOfTwoFilesWithTheSameTaskId() {
        assertThat(failureOf(runBrokenSuite(), file("duplicate-id")))
                .isInstanceOf(TaskFileException.class)
                .hasMessageStartingWith(file("duplicate-id") + ":1:1: ")
                .hasMessageContaining("duplicate task id \"checkout-down\": already used by " + file("checkout-down") + ":1:1");
    }

    @Test
    void rerunsABrokenFileByItsUniqueId() {
        UniqueId noPrompt = ENGINE.append("classpath", BROKEN).append("file", file("no-prompt"));

        EngineExecutionResults results = evalunit("oracle").selectors(selectUniqueId(noPrompt)).execute();

        results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
        assertThat(failureOf(results, file("no-prompt"))).hasMessageContaining("the task has no prompt");
    }

    @Test
    void errorsOnceNamingTheLocationWhenASuitesLocationDoesNotExist() {
        EngineExecutionResults results = evalunit("oracle").selectors(selectClass(MissingLocationSuite.class)).execute();

        results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
        TestDescriptor test = results.testEvents().finished().list().get(0).getTestDescriptor();
        assertThat(test.getUniqueId().getLastSegment().getType()).isEqualTo("location");
        assertThat(test.getDisplayName()).contains("engine/no-such-directory");
        assertThat(failureOf(results, test.getDisplayName()))
                .isNotInstanceOf(AssertionError.class)
                .hasMessageContaining("classpath location \"engine/no-such-directory\" not found");
    }

    private static EngineExecutionResults runBrokenSuite() {
        return evalunit("oracle").selectors(selectClasspathResource(BROKEN)).execute();
    }

    private static String file(String name) {
        return BROKEN + "/" + name + ".yaml";
    }
}
