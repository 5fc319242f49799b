package dev.evalunit.maven;

import dev.evalunit.report.ResultsFiles;
import dev.evalunit.report.ResultsWriter;
import dev.evalunit.report.Scoreboard;
import dev.evalunit.report.Shard;
import dev.evalunit.report.Summary;
import dev.evalunit.report.TaskRecord;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Report directories built in code, as the engine would write them, from {@link dev.evalunit.report.Records}' tasks. */
final class Runs {

    static final String SUITE = "com.acme.SreEvalTest";

    private Runs() {
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
