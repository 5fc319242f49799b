package dev.evalunit.junit.engine;

import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import static dev.evalunit.junit.engine.EngineRuns.console;
import static dev.evalunit.junit.engine.EngineRuns.evalunit;
import static dev.evalunit.junit.engine.EngineRuns.failureOf;
import static dev.evalunit.junit.engine.EngineRuns.finishedTests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;

/** The tags of a task file select tasks as JUnit tags do: engine/discovery has tools/oom (sre, safety) and slow-checkout (sre). */
class TagFilterTest {

    @Test
    void runsOnlyTheTasksWithAnIncludedTag() {
        EngineExecutionResults results = evalunit("oracle").selectors(selectClasspathResource("engine/discovery"))
                .filters(TagFilter.includeTags("safety")).execute();

        assertThat(finishedTests(results)).containsExactly("tools/oom");
    }

    @Test
    void skipsTheTasksWithAnExcludedTag() {
        EngineExecutionResults results = evalunit("oracle").selectors(selectClasspathResource("engine/discovery"))
                .filters(TagFilter.excludeTags("safety")).execute();

        assertThat(finishedTests(results)).containsExactly("slow-checkout");
    }

    @Test
    void runsEveryTaskSharingAnIncludedTag() {
        EngineExecutionResults results = evalunit("oracle").selectors(selectClasspathResource("engine/discovery"))
                .filters(TagFilter.includeTags("sre")).execute();

        assertThat(finishedTests(results)).containsExactlyInAnyOrder("tools/oom", "slow-checkout");
    }

    @Test
    void warnsOfABrokenTaskFileAtTheStartOfTheRunWhenATagFilterDropsItsTest() {
        // A broken file has no tags anyone can trust, so an include filter drops its test; the
        // warning keeps it in the log instead of losing it without a trace.
        EngineExecutionResults[] results = new EngineExecutionResults[1];
        String console = console(evalunit("oracle").selectors(selectClasspathResource("engine/broken"))
                .filters(TagFilter.includeTags("sre")), results);

        assertThat(console).containsPattern("EvalUnit warning: [^\n]*engine/broken/unknown-key.yaml:[^\n]*did you mean"
                + " \"spans\"\\?[^\n]*\\(a filter left out its test, so it is reported here\\)\n");
        assertThat(finishedTests(results[0])).noneMatch(name -> name.contains("unknown-key.yaml"));
    }

    @Test
    void reportsABrokenTaskFileOnceByItsErroringTestWhenItRuns() {
        var discovery = evalunit("oracle").selectors(selectClasspathResource("engine/broken")).discover();
        EngineExecutionResults[] results = new EngineExecutionResults[1];
        String console = console(evalunit("oracle").selectors(selectClasspathResource("engine/broken")), results);

        // No discovery issue: the JUnit Platform would log it at discovery and again after execution.
        assertThat(discovery.getDiscoveryIssues()).isEmpty();
        assertThat(console).doesNotContain("a filter left out its test");
        assertThat(failureOf(results[0], "engine/broken/unknown-key.yaml")).hasMessageContaining("did you mean \"spans\"?");
    }
}
