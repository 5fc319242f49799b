package dev.evalunit.junit.engine;

import dev.evalunit.config.Constants;
import dev.evalunit.report.Results;
import dev.evalunit.report.ResultsFiles;
import dev.evalunit.report.Shard;
import dev.evalunit.report.Summary;
import dev.evalunit.report.TaskRecord;
import dev.evalunit.report.TaskOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static dev.evalunit.junit.engine.EngineRuns.evalunit;
import static dev.evalunit.junit.engine.EngineRuns.finishedTests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;

class ResultsFilesThroughEngineTest {

    @TempDir
    Path reports;

    @Test
    void writesOneResultLinePerTaskAndASummaryThatCountsBrokenFilesAsErrors() throws IOException {
        evalunit("oracle").configurationParameter(Constants.REPORT_DIR_PROPERTY_NAME, reports.toString())
                .selectors(selectClasspathResource("engine/broken")).execute();

        Results results = ResultsFiles.readResults(reports.resolve("results.jsonl"));
        Summary summary = ResultsFiles.readSummary(reports.resolve("summary.json"));

        assertThat(results.warnings()).isEmpty();
        assertThat(results.tasks()).extracting(TaskRecord::task).containsExactlyInAnyOrder(
                "checkout-down", "good", "engine/broken/bad-regex.yaml", "engine/broken/duplicate-id.yaml",
                "engine/broken/no-prompt.yaml", "engine/broken/unknown-key.yaml", "engine/broken/yaml-syntax.yaml");
        assertThat(summary.figures().total()).isEqualTo(7);
        assertThat(summary.figures().passed()).isEqualTo(2);
        assertThat(summary.figures().failed()).isZero();
        assertThat(summary.figures().errors()).isEqualTo(5);
        assertThat(summary.figures().passRate()).hasValue(1.0);
        assertThat(Files.list(reports)).extracting(path -> path.getFileName().toString())
                .containsExactlyInAnyOrder("results.jsonl", "summary.json", "build.json", ".lock", "report.html");
    }

    @Test
    void theSummarySaysWhichSandboxCodeTasksRanIn() throws IOException {
        evalunit("oracle").configurationParameter(Constants.REPORT_DIR_PROPERTY_NAME, reports.resolve("default").toString())
                .selectors(selectClasspathResource("engine/models")).execute();
        evalunit("oracle").configurationParameter(Constants.REPORT_DIR_PROPERTY_NAME, reports.resolve("none").toString())
                .configurationParameter(Constants.SANDBOX_PROPERTY_NAME, Constants.SANDBOX_NONE)
                .selectors(selectClasspathResource("engine/models")).execute();

        assertThat(ResultsFiles.readSummary(reports.resolve("default")).sandbox()).hasValue("bubblewrap");
        assertThat(ResultsFiles.readSummary(reports.resolve("none")).sandbox()).hasValue("none");
    }

    @Test
    void recordsTheFailedChecksAndTheTokenUsageOfEachTrial() throws IOException {
        evalunit("nop").configurationParameter(Constants.REPORT_DIR_PROPERTY_NAME, reports.toString())
                .selectors(selectClasspathResource("engine/models")).execute();

        TaskRecord task = ResultsFiles.readResults(reports.resolve("results.jsonl")).tasks().get(0);

        assertThat(task.status()).isEqualTo(TaskOutcome.FAILED);
        assertThat(task.model()).isEqualTo("nop");
        assertThat(task.file()).isEqualTo("engine/models/diagnose.yaml");
        assertThat(task.trials()).hasSize(1);
        assertThat(task.trials().get(0).inputTokens()).isPositive();
        assertThat(task.trials().get(0).checks()).anyMatch(check -> !check.passed()
                && check.message().startsWith("expected to contain"));
    }

    @Test
    void theShardsTogetherRunEveryTaskExactlyOnceAndRecordTheSuiteSize() throws IOException {
        Set<String> seen = new HashSet<>();
        int total = 0;
        for (int shard = 1; shard <= 3; shard++) {
            Path dir = reports.resolve("shard-" + shard);
            EngineExecutionResults results = evalunit("oracle")
                    .configurationParameter(Constants.REPORT_DIR_PROPERTY_NAME, dir.toString())
                    .configurationParameter(Constants.SHARD_PROPERTY_NAME, shard + "/3")
                    .selectors(selectClasspathResource("engine/concurrency")).execute();
            List<String> ran = finishedTests(results);
            total += ran.size();
            seen.addAll(ran);
            Summary summary = ResultsFiles.readSummary(dir.resolve("summary.json"));
            assertThat(summary.shard()).contains(new Shard(shard, 3));
            assertThat(summary.suites()).containsEntry("engine/concurrency", 20);
            assertThat(summary.figures().total()).isEqualTo(ran.size());
        }
        assertThat(total).isEqualTo(20);
        assertThat(seen).hasSize(20);
    }

    @Test
    void aRerunPutsEachTaskOnTheSameShard() {
        List<String> first = finishedTests(evalunit("oracle").configurationParameter(Constants.SHARD_PROPERTY_NAME, "2/4")
                .configurationParameter(Constants.REPORT_DIR_PROPERTY_NAME, reports.toString())
                .selectors(selectClasspathResource("engine/concurrency")).execute());
        List<String> again = finishedTests(evalunit("oracle").configurationParameter(Constants.SHARD_PROPERTY_NAME, "2/4")
                .configurationParameter(Constants.REPORT_DIR_PROPERTY_NAME, reports.toString())
                .selectors(selectClasspathResource("engine/concurrency")).execute());

        assertThat(again).containsExactlyInAnyOrderElementsOf(first);
    }

    @Test
    void aMalformedShardErrorsEverySuiteWithWhatToWrite() {
        EngineExecutionResults results = evalunit("oracle").configurationParameter(Constants.SHARD_PROPERTY_NAME, "5/4")
                .configurationParameter(Constants.REPORT_DIR_PROPERTY_NAME, reports.toString())
                .selectors(selectClasspathResource("engine/concurrency")).execute();

        List<String> messages = results.testEvents().failed().stream()
                .map(event -> event.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
                        .getThrowable().orElseThrow().getMessage())
                .collect(Collectors.toList());
        assertThat(messages).containsExactly("Configuration evalunit.shard=5/4 is not a shard; write I/N with"
                + " 1 <= I <= N, e.g. 2/4 for the second of four shards");
        assertThat(results.testEvents().succeeded().count()).isZero();
    }

    @Test
    void shardAssignmentIsStableAndSpreadsTasks() {
        int[] counts = new int[4];
        for (int i = 0; i < 400; i++) {
            int shard = ShardPlan.shardOf("suite/task-" + i, 4);
            assertThat(ShardPlan.shardOf("suite/task-" + i, 4)).isEqualTo(shard);
            counts[shard - 1]++;
        }
        for (int count : counts) {
            assertThat(count).isBetween(60, 140);
        }
    }
}
