package dev.evalunit.junit.engine;

import dev.evalunit.config.Constants;
import dev.evalunit.report.Results;
import dev.evalunit.report.ResultsFiles;
import dev.evalunit.report.Summary;
import dev.evalunit.report.TaskRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/** Kills a real test JVM with SIGKILL halfway through a run, as a CI timeout or the OOM killer would. */
class ResultsSurviveAKilledRunTest {

    @TempDir
    Path reports;

    @Test
    void everyTaskFinishedBeforeTheKillIsInTheResultsFileAndEveryLineParses() throws Exception {
        Path results = reports.resolve("results.jsonl");
        killAfterFiveTasks(results);

        Results kept = ResultsFiles.readResults(results);

        assertThat(kept.warnings()).isEmpty();
        assertThat(kept.tasks()).extracting(TaskRecord::task)
                .containsExactly("task-1", "task-2", "task-3", "task-4", "task-5");
        assertThat(kept.tasks()).allMatch(task -> task.status() == dev.evalunit.report.TaskOutcome.PASSED);
        assertThat(reports.resolve("summary.json")).doesNotExist();
    }

    @Test
    void aResumedRunSkipsTheTasksTheKilledJvmFinishedRunsTheRestAndSummarisesAll() throws Exception {
        killAfterFiveTasks(reports.resolve("results.jsonl"));
        KilledRun.ANSWERED.clear();

        EngineExecutionResults resumed = EngineRuns.evalunit()
                .configurationParameter(Constants.REPORT_DIR_PROPERTY_NAME, reports.toString())
                .configurationParameter(Constants.BUILD_ID_PROPERTY_NAME, "the-resumed-build")
                .configurationParameter(Constants.RESUME_PROPERTY_NAME, "true")
                .selectors(selectClass(KilledRun.HangsOnTheLastTaskSuite.class)).execute();

        assertThat(KilledRun.ANSWERED).containsExactly("task-6");
        assertThat(resumed.testEvents().succeeded().count()).isEqualTo(6);
        Summary summary = ResultsFiles.readSummary(reports);
        assertThat(summary.figures().total()).isEqualTo(6);
        assertThat(summary.figures().passed()).isEqualTo(6);
    }

    private void killAfterFiveTasks(Path results) throws Exception {
        Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-D" + KilledRun.HANG + "=true",
                "-cp", System.getProperty("java.class.path"), KilledRun.class.getName(), reports.toString())
                .redirectErrorStream(true)
                .redirectOutput(reports.resolve("jvm.log").toFile())
                .start();
        try {
            awaitLines(results, 5, jvm);
        } finally {
            jvm.destroyForcibly(); // SIGKILL: no shutdown hook, no flush, no close
            jvm.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Waits (bounded) until the child JVM has appended {@code count} lines, or fails with its log. */
    private void awaitLines(Path results, int count, Process jvm) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (Files.exists(results) && lines(results) >= count) {
                return;
            }
            if (!jvm.isAlive()) {
                break;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the child JVM did not finish " + count + " tasks; its output:" + File.separator
                + Files.readString(reports.resolve("jvm.log")));
    }

    private static long lines(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        return lines.stream().filter(line -> !line.isBlank()).count();
    }
}
