package dev.evalunit.maven;

import dev.evalunit.report.Records;
import dev.evalunit.report.Shard;
import dev.evalunit.report.TaskRecord;
import dev.evalunit.report.TaskOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportDirectoriesTest {

    @TempDir
    Path dir;

    @Test
    void readsOneDirectoryAndRecomputesItsFigures() throws Exception {
        Path run = Runs.write(dir.resolve("run"), Optional.empty(), 10, Records.tasks(Runs.SUITE, "gpt-4o", 5, 5, 0));

        MergedReport report = ReportDirectories.merge(List.of(run));

        assertThat(report.tasks()).hasSize(10);
        assertThat(report.summary().figures().passRate()).hasValue(0.5);
        assertThat(report.summary().suites()).containsEntry(Runs.SUITE, 10);
        assertThat(report.warnings()).isEmpty();
    }

    @Test
    void mergesShardsIntoOneRun() throws Exception {
        List<TaskRecord> all = Records.tasks(Runs.SUITE, "gpt-4o", 8, 2, 0);
        Path first = Runs.write(dir.resolve("shard-1"), Optional.of(new Shard(1, 2)), 10, all.subList(0, 5));
        Path second = Runs.write(dir.resolve("shard-2"), Optional.of(new Shard(2, 2)), 10, all.subList(5, 10));

        MergedReport report = ReportDirectories.merge(List.of(first, second));

        assertThat(report.summary().figures().total()).isEqualTo(10);
        assertThat(report.summary().figures().passRate()).hasValue(0.8);
        assertThat(report.summary().shard()).isEmpty();
    }

    @Test
    void countsAShardThatScoredNoTask() throws Exception {
        // A two-task suite over three shards: one shard gets nothing, and still says it ran.
        List<TaskRecord> all = Records.tasks(Runs.SUITE, "gpt-4o", 2, 0, 0);
        Path first = Runs.write(dir.resolve("s1"), Optional.of(new Shard(1, 3)), 2, all.subList(0, 1));
        Path second = Runs.write(dir.resolve("s2"), Optional.of(new Shard(2, 3)), 2, List.of());
        Path third = Runs.write(dir.resolve("s3"), Optional.of(new Shard(3, 3)), 2, all.subList(1, 2));

        assertThat(ReportDirectories.merge(List.of(first, second, third)).tasks()).hasSize(2);
    }

    @Test
    void refusesAMergeWithAShardMissing() throws Exception {
        List<TaskRecord> all = Records.tasks(Runs.SUITE, "gpt-4o", 6, 0, 0);
        Path first = Runs.write(dir.resolve("s1"), Optional.of(new Shard(1, 3)), 6, all.subList(0, 2));
        Path third = Runs.write(dir.resolve("s3"), Optional.of(new Shard(3, 3)), 6, all.subList(4, 6));

        assertThatThrownBy(() -> ReportDirectories.merge(List.of(first, third))).isInstanceOf(ReportException.class)
                .hasMessage("cannot merge the EvalUnit results: shard 2/3 of suite com.acme.SreEvalTest for model gpt-4o"
                        + " is missing; found shard 1/3 in " + first + ", shard 3/3 in " + third + ". Add the missing"
                        + " shard's report directory to reportDirectories (or rerun that shard)");
    }

    @Test
    void refusesAMergeWhereOneModelLacksAShard() throws Exception {
        Path a1 = Runs.write(dir.resolve("a1"), Optional.of(new Shard(1, 2)), 4, Records.tasks(Runs.SUITE, "a", 2, 0, 0));
        Path a2 = Runs.write(dir.resolve("a2"), Optional.of(new Shard(2, 2)), 4,
                List.of(Records.task(Runs.SUITE, "t03", "a", TaskOutcome.PASSED), Records.task(Runs.SUITE, "t04", "a", TaskOutcome.PASSED)));
        Path b1 = Runs.write(dir.resolve("b1"), Optional.of(new Shard(1, 2)), 4, Records.tasks(Runs.SUITE, "b", 2, 0, 0));

        assertThatThrownBy(() -> ReportDirectories.merge(List.of(a1, a2, b1)))
                .hasMessageStartingWith("cannot merge the EvalUnit results: shard 2/2 of suite com.acme.SreEvalTest"
                        + " for model b is missing; found shard 1/2 in " + b1);
    }

    @Test
    void refusesShardsOfDifferentSplits() throws Exception {
        Path first = Runs.write(dir.resolve("s1"), Optional.of(new Shard(1, 2)), 4, Records.tasks(Runs.SUITE, "m", 1, 0, 0));
        Path second = Runs.write(dir.resolve("s2"), Optional.of(new Shard(2, 3)), 4,
                List.of(Records.task(Runs.SUITE, "t02", "m", TaskOutcome.PASSED)));

        assertThatThrownBy(() -> ReportDirectories.merge(List.of(first, second)))
                .hasMessage("cannot merge the EvalUnit results: suite com.acme.SreEvalTest was split into different"
                        + " numbers of shards: shard 1/2 in " + first + ", shard 2/3 in " + second);
    }

    @Test
    void refusesATaskScoredInTwoDirectories() throws Exception {
        List<TaskRecord> tasks = Records.tasks(Runs.SUITE, "gpt-4o", 2, 1, 0);
        Path first = Runs.write(dir.resolve("module-a"), Optional.empty(), 3, tasks);
        Path second = Runs.write(dir.resolve("module-b"), Optional.empty(), 3, tasks.subList(2, 3));

        assertThatThrownBy(() -> ReportDirectories.merge(List.of(first, second)))
                .hasMessage("cannot merge the EvalUnit results: 1 task is scored twice (a directory listed twice, or"
                        + " shards that overlap):\n  t03 [gpt-4o] in com.acme.SreEvalTest is in both " + first + " and "
                        + second);
    }

    @Test
    void refusesDirectoriesFromDifferentVersionsOfASuite() throws Exception {
        Path first = Runs.write(dir.resolve("a"), Optional.empty(), 10, Records.tasks(Runs.SUITE, "a", 1, 0, 0));
        Path second = Runs.write(dir.resolve("b"), Optional.empty(), 12, Records.tasks(Runs.SUITE, "b", 1, 0, 0));

        assertThatThrownBy(() -> ReportDirectories.merge(List.of(first, second)))
                .hasMessage("cannot merge the EvalUnit results: suite com.acme.SreEvalTest has 10 tasks in " + first
                        + " but 12 in " + second + ": the directories come from different versions of the suite");
    }

    @Test
    void mergesModelsThatRanInSeparateDirectories() throws Exception {
        Path first = Runs.write(dir.resolve("a"), Optional.empty(), 2, Records.tasks(Runs.SUITE, "a", 2, 0, 0));
        Path second = Runs.write(dir.resolve("b"), Optional.empty(), 2, Records.tasks(Runs.SUITE, "b", 1, 1, 0));

        assertThat(ReportDirectories.merge(List.of(first, second)).summary().models()).containsExactly("a", "b");
    }

    @Test
    void saysWhereItLookedWhenThereAreNoResults() {
        Path missing = dir.resolve("target/evalunit");

        assertThatThrownBy(() -> ReportDirectories.merge(List.of(missing)))
                .hasMessage("no EvalUnit results: " + missing + " does not exist (looked for summary.json and"
                        + " results.jsonl there). Run the EvalUnit suites before the check goal, or point"
                        + " reportDirectories at their results");
    }

    @Test
    void saysARunWithoutASummaryDidNotFinish() throws Exception {
        Path run = Runs.write(dir.resolve("run"), Optional.empty(), 3, Records.tasks(Runs.SUITE, "m", 3, 0, 0));
        Files.delete(run.resolve("summary.json"));

        assertThatThrownBy(() -> ReportDirectories.merge(List.of(run)))
                .hasMessage("no EvalUnit summary at " + run.resolve("summary.json")
                        + ": results.jsonl is there, so the run started but did not finish");
    }

    @Test
    void needsTheResultsNextToTheSummary() throws Exception {
        Path run = Runs.write(dir.resolve("run"), Optional.empty(), 3, Records.tasks(Runs.SUITE, "m", 3, 0, 0));
        Files.delete(run.resolve("results.jsonl"));

        assertThatThrownBy(() -> ReportDirectories.merge(List.of(run)))
                .hasMessage("no EvalUnit results at " + run.resolve("results.jsonl") + ", next to "
                        + run.resolve("summary.json") + ": both files are needed");
    }

    @Test
    void passesOnWhatIsWrongWithAFile() throws Exception {
        Path run = Runs.write(dir.resolve("run"), Optional.empty(), 3, Records.tasks(Runs.SUITE, "m", 3, 0, 0));
        Files.writeString(run.resolve("summary.json"), "{\"formatVersion\": 1}");

        assertThatThrownBy(() -> ReportDirectories.merge(List.of(run)))
                .hasMessage("cannot read the EvalUnit results: " + run.resolve("summary.json")
                        + ": not an EvalUnit summary: \"total\" is missing");
    }

    @Test
    void refusesASummaryAndResultsFromDifferentRuns() throws Exception {
        Path run = Runs.write(dir.resolve("run"), Optional.empty(), 3, Records.tasks(Runs.SUITE, "m", 2, 1, 0));
        Path other = Runs.write(dir.resolve("other"), Optional.empty(), 3, Records.tasks(Runs.SUITE, "m", 3, 0, 0));
        Files.copy(other.resolve("results.jsonl"), run.resolve("results.jsonl"),
                StandardCopyOption.REPLACE_EXISTING);

        assertThatThrownBy(() -> ReportDirectories.merge(List.of(run)))
                .hasMessage(run.resolve("summary.json") + " and " + run.resolve("results.jsonl") + " do not describe"
                        + " the same run (3 tasks listed, 3 recorded):\n  t03 [m] in com.acme.SreEvalTest: failed in"
                        + " summary.json, passed in results.jsonl");
    }

    @Test
    void keepsTheLastLineOfATaskScoredTwiceInOneRun() throws Exception {
        List<TaskRecord> tasks = new ArrayList<>(Records.tasks(Runs.SUITE, "m", 1, 1, 0));
        tasks.add(Records.task(Runs.SUITE, "t02", "m", TaskOutcome.PASSED)); // a rerun of the failed test
        Path run = Runs.write(dir.resolve("run"), Optional.empty(), 2, tasks);

        MergedReport report = ReportDirectories.merge(List.of(run));

        assertThat(report.summary().figures().passed()).isEqualTo(2);
    }

    @Test
    void passesOnTheWarningOfAnIncompleteLastLine() throws Exception {
        Path run = Runs.write(dir.resolve("run"), Optional.empty(), 2, Records.tasks(Runs.SUITE, "m", 2, 0, 0));
        Files.writeString(run.resolve("results.jsonl"), "{\"suite\":", StandardOpenOption.APPEND);

        assertThat(ReportDirectories.merge(List.of(run)).warnings()).singleElement().asString()
                .contains("skipped an incomplete last line");
    }

    @Test
    void refusesARunThatScoredNothing() throws Exception {
        Path run = Runs.write(dir.resolve("run"), Optional.empty(), 0, List.of());

        assertThatThrownBy(() -> ReportDirectories.merge(List.of(run))).isInstanceOf(ReportException.class)
                .hasMessageStartingWith("no task was scored in " + run);
    }

    @Test
    void namesTheDirectoryWithoutResultsAmongSeveral() throws IOException {
        Path good = Runs.write(dir.resolve("good"), Optional.empty(), 2, Records.tasks(Runs.SUITE, "m", 2, 0, 0));

        assertThatThrownBy(() -> ReportDirectories.merge(List.of(good, dir.resolve("absent"))))
                .hasMessageContaining(dir.resolve("absent").toString());
    }
}
