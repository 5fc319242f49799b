package dev.evalunit.junit.engine;

import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import static dev.evalunit.junit.engine.EngineRuns.evalunit;
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
    void stillReportsABrokenTaskFileAsADiscoveryWarningWhenATagFilterDropsItsTest() {
        // A broken file has no tags anyone can trust, so an include filter drops its test; the
        // discovery warning keeps it in the log instead of losing it without a trace.
        var discovery = evalunit("oracle").selectors(selectClasspathResource("engine/broken"))
                .filters(TagFilter.includeTags("sre")).discover();

        assertThat(discovery.getDiscoveryIssues())
                .anyMatch(issue -> issue.severity() == org.junit.platform.engine.DiscoveryIssue.Severity.WARNING
                        && issue.message().contains("engine/broken/unknown-key.yaml")
                        && issue.message().contains("did you mean \"spans\"?"));
    }
}
