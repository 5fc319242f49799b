package dev.evalunit.junit.engine;

import dev.evalunit.config.Constants;
import dev.evalunit.junit.EvalSuite;
import dev.evalunit.junit.ModelUnderTest;
import dev.evalunit.model.Agent;
import dev.evalunit.report.ResultsFiles;
import dev.evalunit.report.Summary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.io.IOException;
import java.nio.file.Path;

import static dev.evalunit.junit.engine.EngineRuns.evalunit;
import static dev.evalunit.junit.engine.EngineRuns.finishedTests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

class SeveralModelsTest {

    @TempDir
    Path reports;

    @EvalSuite("engine/models")
    static class TwoAgentsSuite {

        @ModelUnderTest("looks-first")
        static final Agent GOOD = context -> {
            context.executeTool("get_pod_events", "{\"pod\":\"checkout\"}");
            return "The checkout pod was OOMKilled.";
        };

        @ModelUnderTest
        static Agent guesser() {
            return context -> "No idea.";
        }
    }

    @EvalSuite("engine/models")
    static class SameNameSuite {

        @ModelUnderTest("twin")
        static final Agent ONE = context -> "a";

        @ModelUnderTest("twin")
        static final Agent TWO = context -> "b";
    }

    @EvalSuite("engine/broken")
    static class BrokenFilesTwoModelsSuite {

        @ModelUnderTest("first")
        static final Agent FIRST = context -> "";

        @ModelUnderTest("second")
        static final Agent SECOND = context -> "";
    }

    @Test
    void aBrokenFileIsAnErrorOfEachModelAndEveryCountAgrees() throws IOException {
        EngineExecutionResults results = evalunit().configurationParameter(Constants.REPORT_DIR_PROPERTY_NAME,
                reports.toString()).selectors(selectClass(BrokenFilesTwoModelsSuite.class)).execute();

        assertThat(finishedTests(results)).contains("engine/broken/no-prompt.yaml [first]",
                "engine/broken/no-prompt.yaml [second]");
        Summary summary = ResultsFiles.readSummary(reports);
        // JUnit's (and so Surefire's) counts are the summary's: 5 broken files and 2 tasks, for each of 2 models.
        assertThat(results.testEvents().finished().count()).isEqualTo(summary.figures().total()).isEqualTo(14);
        long errored = results.testEvents().failed().stream().filter(event -> event.getRequiredPayload(
                org.junit.platform.engine.TestExecutionResult.class).getThrowable()
                .filter(thrown -> !(thrown instanceof AssertionError)).isPresent()).count();
        assertThat(errored).isEqualTo(summary.figures().errors()).isEqualTo(10);
        assertThat(summary.byModel().get("first").figures().errors()).isEqualTo(5);
        assertThat(ResultsFiles.readResults(reports).tasks()).extracting(task -> task.task())
                .contains("engine/broken/no-prompt.yaml").doesNotContain("engine/broken/no-prompt.yaml [first]");
    }

    @Test
    void runsEveryTaskOncePerModelAsATestOfItsOwn() {
        EngineExecutionResults results = evalunit().configurationParameter(Constants.REPORT_DIR_PROPERTY_NAME,
                reports.toString()).selectors(selectClass(TwoAgentsSuite.class)).execute();

        assertThat(finishedTests(results)).containsExactlyInAnyOrder("diagnose [looks-first]", "diagnose [guesser]");
        assertThat(results.testEvents().succeeded().map(event -> event.getTestDescriptor().getDisplayName()))
                .containsExactly("diagnose [looks-first]");
        assertThat(results.testEvents().failed().map(event -> event.getTestDescriptor().getUniqueId()))
                .containsExactly(EngineRuns.suiteId(TwoAgentsSuite.class).append("model", "guesser")
                        .append("task", "diagnose"));
    }

    @Test
    void theSummaryHasFiguresPerModel() throws IOException {
        evalunit().configurationParameter(Constants.REPORT_DIR_PROPERTY_NAME, reports.toString())
                .selectors(selectClass(TwoAgentsSuite.class)).execute();

        Summary summary = ResultsFiles.readSummary(reports.resolve("summary.json"));

        assertThat(summary.figures().total()).isEqualTo(2);
        assertThat(summary.byModel()).containsOnlyKeys("looks-first", "guesser");
        assertThat(summary.byModel().get("looks-first").figures().passed()).isEqualTo(1);
        assertThat(summary.byModel().get("guesser").figures().failed()).isEqualTo(1);
        assertThat(summary.suites()).containsEntry(TwoAgentsSuite.class.getName(), 1);
    }

    @Test
    void aRerunOfOneModelsTaskRunsThatPairAlone() {
        UniqueId pair = EngineRuns.suiteId(TwoAgentsSuite.class).append("model", "guesser").append("task", "diagnose");

        EngineExecutionResults results = evalunit().configurationParameter(Constants.REPORT_DIR_PROPERTY_NAME,
                reports.toString()).selectors(selectUniqueId(pair)).execute();

        assertThat(finishedTests(results)).containsExactly("diagnose [guesser]");
    }

    @Test
    void twoModelsWithOneNameAreAnErrorThatSaysHowToNameThem() {
        EngineExecutionResults results = evalunit().configurationParameter(Constants.REPORT_DIR_PROPERTY_NAME,
                reports.toString()).selectors(selectClass(SameNameSuite.class)).execute();

        assertThat(results.testEvents().failed().stream()
                .map(event -> event.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
                        .getThrowable().orElseThrow().getMessage()))
                .anyMatch(message -> message.contains("are named \"twin\"") && message.contains("distinct name"));
    }
}
