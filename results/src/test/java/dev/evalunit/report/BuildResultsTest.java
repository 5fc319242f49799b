package dev.evalunit.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class BuildResultsTest {

    @TempDir
    Path dir;

    private static TaskRecord versioned(TaskRecord task, String version) {
        return new TaskRecord(task.suite(), task.task(), task.file(), task.model(), task.tags(), task.status(),
                task.trials(), task.passedTrials(), task.pass(), task.durationMs(), Optional.of(version),
                Optional.empty());
    }

    @Test
    void executionsWritingAtOnceLoseNoLineAndTheLastSummaryCoversThemAll() throws Exception {
        int executions = 4;
        int perExecution = 50;
        ExecutorService pool = Executors.newFixedThreadPool(executions);
        List<Future<BuildResults.Build>> done = new ArrayList<>();
        List<BuildResults> opened = new ArrayList<>();
        for (int e = 0; e < executions; e++) {
            BuildResults results = BuildResults.open(dir, "build-1", false);
            opened.add(results);
            int execution = e;
            done.add(pool.submit((Callable<BuildResults.Build>) () -> {
                for (int i = 0; i < perExecution; i++) {
                    results.add(Records.passed("e" + execution + "-t" + i));
                }
                return results.finish(Optional.empty(), Map.of(), "bubblewrap");
            }));
        }
        for (Future<BuildResults.Build> future : done) {
            future.get();
        }
        pool.shutdown();
        for (BuildResults results : opened) {
            results.close();
        }

        Results read = ResultsFiles.readResults(dir);
        assertThat(read.warnings()).isEmpty();
        assertThat(read.tasks()).hasSize(executions * perExecution);
        assertThat(ResultsFiles.readSummary(dir).figures().total()).isEqualTo(executions * perExecution);
    }

    @Test
    void oneExecutionRunUnconfinedMakesTheWholeBuildsSummarySayNone() throws IOException {
        try (BuildResults first = BuildResults.open(dir, "build-1", false)) {
            first.add(Records.passed("a"));
            assertThat(first.finish(Optional.empty(), Map.of(), "bubblewrap").summary().sandbox()).hasValue("bubblewrap");
        }
        try (BuildResults second = BuildResults.open(dir, "build-1", false)) {
            second.add(Records.passed("b"));
            second.finish(Optional.empty(), Map.of(), "none");
        }
        try (BuildResults third = BuildResults.open(dir, "build-1", false)) {
            third.add(Records.passed("c"));
            BuildResults.Build build = third.finish(Optional.empty(), Map.of(), "bubblewrap");
            assertThat(build.summary().sandbox()).hasValue("none");
            assertThat(ResultsFiles.readSummary(dir).sandbox()).hasValue("none");
        }
    }

    @Test
    void aNewBuildStartsAfreshAndRemovesTheEarlierSummaryAtOnce() throws IOException {
        try (BuildResults first = BuildResults.open(dir, "build-1", false)) {
            first.add(Records.passed("a"));
            first.finish(Optional.empty(), Map.of("SreEvalTest", 1), "bubblewrap");
        }
        try (BuildResults second = BuildResults.open(dir, "build-2", false)) {
            assertThat(dir.resolve(ResultsFiles.SUMMARY_FILE)).doesNotExist();
            assertThat(ResultsFiles.readResults(dir).tasks()).isEmpty();
            second.add(Records.failed("b"));
            BuildResults.Build build = second.finish(Optional.empty(), Map.of(), "bubblewrap");
            assertThat(build.tasks()).extracting(TaskRecord::task).containsExactly("b");
            assertThat(build.summary().suites()).doesNotContainKey("a");
        }
    }

    @Test
    void aResumedBuildOffersTheEarlierScoredResultOfAnUnchangedTaskOnly() throws IOException {
        try (BuildResults killed = BuildResults.open(dir, "build-1", true)) {
            killed.add(versioned(Records.failed("unchanged"), "v1"));
            killed.add(versioned(Records.passed("changed"), "v1"));
            killed.add(versioned(Records.errored("errored"), "v1"));
            killed.add(Records.passed("unversioned"));
        }
        try (BuildResults resumed = BuildResults.open(dir, "build-2", true)) {
            assertThat(resumed.earlier(Records.failed("unchanged").key(), Optional.of("v1")))
                    .map(TaskRecord::task).contains("unchanged");
            assertThat(resumed.earlier(Records.passed("changed").key(), Optional.of("v2"))).isEmpty();
            assertThat(resumed.earlier(Records.errored("errored").key(), Optional.of("v1"))).isEmpty();
            assertThat(resumed.earlier(Records.passed("unversioned").key(), Optional.empty())).isEmpty();
            assertThat(resumed.earlier(Records.passed("never-ran").key(), Optional.of("v1"))).isEmpty();
            assertThat(ResultsFiles.readResults(dir).tasks()).as("this build's results start empty").isEmpty();
        }
    }

    @Test
    void aResumedBuildThatIsStoppedAgainKeepsWhatTheFirstOneScored() throws IOException {
        try (BuildResults first = BuildResults.open(dir, "build-1", true)) {
            first.add(versioned(Records.passed("a"), "v1"));
        }
        try (BuildResults second = BuildResults.open(dir, "build-2", true)) {
            second.add(versioned(Records.passed("b"), "v1")); // stopped before a was carried over
        }
        try (BuildResults third = BuildResults.open(dir, "build-3", true)) {
            assertThat(third.earlier(Records.passed("a").key(), Optional.of("v1"))).isPresent();
            assertThat(third.earlier(Records.passed("b").key(), Optional.of("v1"))).isPresent();
        }
    }

    @Test
    void withoutResumeEarlierResultsAreNeitherOfferedNorKept() throws IOException {
        try (BuildResults first = BuildResults.open(dir, "build-1", true)) {
            first.add(versioned(Records.passed("a"), "v1"));
        }
        try (BuildResults second = BuildResults.open(dir, "build-2", false)) {
            assertThat(second.earlier(Records.passed("a").key(), Optional.of("v1"))).isEmpty();
        }
        assertThat(dir.resolve(BuildResults.PREVIOUS_RESULTS_FILE)).doesNotExist();
    }

    @Test
    void theTaskVersionIsWrittenAndReadBack() throws IOException {
        try (BuildResults results = BuildResults.open(dir, "build-1", false)) {
            results.add(versioned(Records.passed("a"), "abc123"));
        }
        assertThat(Files.readString(dir.resolve(ResultsFiles.RESULTS_FILE))).contains("\"version\":\"abc123\"");
        assertThat(ResultsFiles.readResults(dir).tasks().get(0).version()).contains("abc123");
    }
}
