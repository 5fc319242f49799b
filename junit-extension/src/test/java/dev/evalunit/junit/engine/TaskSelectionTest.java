package dev.evalunit.junit.engine;

import dev.evalunit.config.Constants;
import dev.evalunit.config.Settings;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.util.Optional;

import static dev.evalunit.junit.engine.EngineRuns.evalunit;
import static dev.evalunit.junit.engine.EngineRuns.finishedTests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;

class TaskSelectionTest {

    private static TaskSelection of(String value) {
        return TaskSelection.from(Settings.from(key -> key.equals(Constants.TASKS_PROPERTY_NAME)
                ? Optional.of(value) : Optional.empty()));
    }

    @Test
    void withoutTheSettingEveryTaskIsSelected() {
        assertThat(TaskSelection.from(Settings.from(key -> Optional.empty())).includes("com.acme.SreEvalTest", "a/b"))
                .isTrue();
    }

    @Test
    void aGlobMatchesTaskIdsAcrossFolders() {
        TaskSelection selection = of("tools/*, qa/o?m");
        assertThat(selection.includes("com.acme.SreEvalTest", "tools/oom")).isTrue();
        assertThat(selection.includes("com.acme.SreEvalTest", "tools/deep/oom")).isTrue();
        assertThat(selection.includes("com.acme.SreEvalTest", "qa/oom")).isTrue();
        assertThat(selection.includes("com.acme.SreEvalTest", "qa/boom")).isFalse();
        assertThat(selection.includes("com.acme.SreEvalTest", "other/tools/oom")).isFalse();
    }

    @Test
    void aSuiteBeforeTheHashMatchesTheSimpleOrTheFullClassName() {
        assertThat(of("SreEvalTest#tools/oom").includes("com.acme.SreEvalTest", "tools/oom")).isTrue();
        assertThat(of("com.acme.*#tools/oom").includes("com.acme.SreEvalTest", "tools/oom")).isTrue();
        assertThat(of("QaEvalTest#tools/oom").includes("com.acme.SreEvalTest", "tools/oom")).isFalse();
    }

    @Test
    void theEngineRunsOnlyTheSelectedTasks() {
        EngineExecutionResults results = evalunit("oracle")
                .configurationParameter(Constants.TASKS_PROPERTY_NAME, "task-0?")
                .selectors(selectClasspathResource("engine/concurrency")).execute();

        assertThat(finishedTests(results)).hasSize(9).allMatch(name -> name.matches("task-0[1-9]"));
    }

    @Test
    void aBrokenFileOutsideTheSelectionIsLeftOutAndOneInsideIsReported() {
        EngineExecutionResults results = evalunit("oracle")
                .configurationParameter(Constants.TASKS_PROPERTY_NAME, "good,no-prompt")
                .selectors(selectClasspathResource("engine/broken")).execute();

        assertThat(finishedTests(results)).containsExactlyInAnyOrder("good", "engine/broken/no-prompt.yaml");
    }
}
