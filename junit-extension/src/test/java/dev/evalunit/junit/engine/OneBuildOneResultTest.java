package dev.evalunit.junit.engine;

import dev.evalunit.config.Constants;
import dev.evalunit.report.BuildResults;
import dev.evalunit.report.Results;
import dev.evalunit.report.ResultsFiles;
import dev.evalunit.report.Summary;
import dev.evalunit.report.TaskRecord;
import dev.evalunit.report.TaskOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.evalunit.junit.engine.EngineRuns.evalunit;
import static dev.evalunit.junit.engine.EngineRuns.failureOf;
import static dev.evalunit.junit.engine.EngineRuns.passedTests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;

/**
 * Several engine executions of one build share one report directory (a {@code @Suite} beside
 * {@code @EvalSuite} classes, several forks, Surefire then Failsafe); a new build starts afresh;
 * a resumed build skips what an earlier one scored. The build is named by evalunit.build-id here,
 * as every test kit run shares this JVM.
 */
class OneBuildOneResultTest {

    @TempDir
    Path reports;

    @TempDir
    Path tasks;

    private EngineTestKit.Builder run(String model, String build, DiscoverySelector selector) {
        return evalunit(model).configurationParameter(Constants.REPORT_DIR_PROPERTY_NAME, reports.toString())
                .configurationParameter(Constants.BUILD_ID_PROPERTY_NAME, build).selectors(selector);
    }

    @Test
    void twoExecutionsOfOneBuildAddUpAndTheSummaryCoversBoth() throws IOException {
        run("oracle", "build-1", selectClasspathResource("engine/killed")).execute();
        run("oracle", "build-1", selectClasspathResource("engine/trials")).execute();

        Summary summary = ResultsFiles.readSummary(reports);
        Results results = ResultsFiles.readResults(reports);
        assertThat(summary.suites()).containsOnlyKeys("engine/killed", "engine/trials");
        assertThat(summary.figures().total()).isEqualTo(results.tasks().size()).isGreaterThan(6);
        assertThat(results.scoredAgain()).isEmpty();
    }

    @Test
    void aSecondBuildWithoutCleanGivesTheSameSummaryAsOne() throws IOException {
        run("oracle", "build-1", selectClasspathResource("engine/killed")).execute();
        String once = Files.readString(reports.resolve(ResultsFiles.SUMMARY_FILE));

        run("oracle", "build-2", selectClasspathResource("engine/killed")).execute();

        assertThat(Files.readString(reports.resolve(ResultsFiles.SUMMARY_FILE))).isEqualTo(once);
        assertThat(ResultsFiles.readResults(reports).tasks()).hasSize(6);
    }

    @Test
    void aTaskScoredTwiceInOneBuildCountsOnceAndIsReported() throws IOException {
        run("oracle", "build-1", selectClasspathResource("engine/concurrency")).execute();
        String printed = printed(() -> run("oracle", "build-1", selectClasspathResource("engine/concurrency")).execute());

        Results results = ResultsFiles.readResults(reports);
        assertThat(results.tasks()).hasSize(40);
        assertThat(ResultsFiles.readSummary(reports).figures().total()).isEqualTo(20);
        assertThat(results.scoredAgain()).hasSize(20).allSatisfy(line -> assertThat(line)
                .contains("was scored 2 times").contains("only the latest result counts"));
        assertThat(printed).contains("EvalUnit warning: ").contains("[oracle] in engine/concurrency was scored 2 times")
                .contains("EvalUnit engine/concurrency [oracle]: 0/0 tasks passed, no task scored, 20 errors");
    }

    @Test
    void aResumedBuildCarriesOverUnchangedTasksAndRunsChangedOnesAgain() throws IOException {
        // The oracle answers with the reference: "nothing" fails the check, "the answer" passes it.
        Files.writeString(tasks.resolve("same.yaml"), task("same", "nothing"));
        Files.writeString(tasks.resolve("changed.yaml"), task("changed", "nothing"));
        run("oracle", "build-1", selectDirectory(tasks.toFile())).execute();
        Files.writeString(tasks.resolve("changed.yaml"), task("changed", "the answer"));
        Files.writeString(tasks.resolve("new.yaml"), task("new", "the answer"));

        EngineExecutionResults resumed = run("oracle", "build-2", selectDirectory(tasks.toFile()))
                .configurationParameter(Constants.RESUME_PROPERTY_NAME, "true").execute();

        assertThat(passedTests(resumed)).containsExactlyInAnyOrder("changed", "new");
        assertThat(failureOf(resumed, "same").getMessage()).contains("scored by an earlier build and carried over")
                .contains("expected to contain");
        Summary summary = ResultsFiles.readSummary(reports);
        assertThat(summary.figures().passed()).isEqualTo(2);
        assertThat(summary.figures().failed()).isEqualTo(1);
        assertThat(reports.resolve(BuildResults.PREVIOUS_RESULTS_FILE)).exists();
    }

    @Test
    void withoutResumeANewBuildRunsEverythingAgain() throws IOException {
        Files.writeString(tasks.resolve("same.yaml"), task("same", "the answer"));
        run("nop", "build-1", selectDirectory(tasks.toFile())).execute();

        EngineExecutionResults again = run("oracle", "build-2", selectDirectory(tasks.toFile())).execute();

        assertThat(passedTests(again)).containsExactly("same");
        assertThat(ResultsFiles.readResults(reports).tasks()).extracting(TaskRecord::status)
                .containsExactly(TaskOutcome.PASSED);
    }

    private static String task(String id, String answer) {
        return "prompt: What is the answer to " + id + "?\n"
                + "reference:\n  output: " + answer + "\n"
                + "expect:\n  output:\n    - contains: answer\n";
    }

    private static String printed(Runnable action) {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
