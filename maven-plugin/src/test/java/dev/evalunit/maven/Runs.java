package dev.evalunit.maven;

import dev.evalunit.report.CheckRecord;
import dev.evalunit.report.ResultsFiles;
import dev.evalunit.report.ResultsWriter;
import dev.evalunit.report.Scoreboard;
import dev.evalunit.report.Shard;
import dev.evalunit.report.Summary;
import dev.evalunit.report.TaskRecord;
import dev.evalunit.report.TrialRecord;
import dev.evalunit.report.TaskOutcome;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Task records and report directories built in code, as the engine would write them. */
final class Runs {

    static final String SUITE = "com.acme.SreEvalTest";

    private Runs() {
    }

    static TaskRecord task(String id, String model, TaskOutcome status, String... tags) {
        boolean passed = status == TaskOutcome.PASSED;
        TrialRecord trial = new TrialRecord(1, passed, 100,
                status == TaskOutcome.ERROR ? List.of() : List.of(new CheckRecord("output", passed, "...")), 10, 5,
                Optional.empty(), status == TaskOutcome.ERROR ? Optional.of("ConnectException: Connection refused")
                        : Optional.empty());
        return new TaskRecord(SUITE, id, id + ".yaml", model, List.of(tags), status, List.of(trial), passed ? 1 : 0,
                "all", 100);
    }

    /** @return {@code passed} passing then {@code failed} failing tasks, named t01, t02, ... */
    static List<TaskRecord> tasks(String model, int passed, int failed, int errors) {
        List<TaskRecord> tasks = new ArrayList<>();
        int n = 0;
        for (int i = 0; i < passed; i++) {
            tasks.add(task(String.format("t%02d", ++n), model, TaskOutcome.PASSED));
        }
        for (int i = 0; i < failed; i++) {
            tasks.add(task(String.format("t%02d", ++n), model, TaskOutcome.FAILED));
        }
        for (int i = 0; i < errors; i++) {
            tasks.add(task(String.format("t%02d", ++n), model, TaskOutcome.ERROR));
        }
        return tasks;
    }

    /** @return a merged report of one directory holding {@code tasks} */
    static MergedReport report(List<TaskRecord> tasks) {
        return new MergedReport(List.of(Path.of("target/evalunit")), tasks,
                Summary.of(tasks, Optional.empty(), Map.of()), List.of());
    }

    /** Writes a report directory as the engine does: the task lines, then the summary. */
    static Path write(Path dir, Optional<Shard> shard, int suiteSize, List<TaskRecord> tasks) throws IOException {
        Scoreboard scoreboard = new Scoreboard();
        try (ResultsWriter writer = ResultsFiles.open(dir)) {
            for (TaskRecord task : tasks) {
                writer.add(task);
                scoreboard.add(task);
            }
        }
        ResultsFiles.writeSummary(dir, scoreboard.summary(shard, Map.of(SUITE, suiteSize)));
        return dir;
    }
}
