package dev.evalunit.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResultsFilesTest {

    @TempDir
    Path dir;

    @Test
    void writesATaskAsOneLineInTheDocumentedFieldOrder() throws IOException {
        TaskRecord task = new TaskRecord("com.acme.SreEvalTest", "tools/oom", "sre/tools/oom.yaml", "gpt-4o",
                List.of("sre"), TaskOutcome.ERROR, List.of(
                        new TrialRecord(1, false, 1200, List.of(new CheckRecord("output", false, "expected \"OOM\"\nwas \"\"")),
                                310, 42, Optional.of("timed out after 60s"), Optional.empty()),
                        new TrialRecord(2, false, 15, List.of(), 0, 0, Optional.empty(),
                                Optional.of("ConnectException: Connection refused"))),
                0, "all", 1300);

        try (ResultsWriter writer = ResultsFiles.open(dir.resolve("evalunit"))) {
            writer.add(task);
        }

        assertThat(Files.readString(dir.resolve("evalunit/results.jsonl"))).isEqualTo("{\"suite\":\"com.acme.SreEvalTest\","
                + "\"task\":\"tools/oom\",\"file\":\"sre/tools/oom.yaml\",\"model\":\"gpt-4o\",\"tags\":[\"sre\"],"
                + "\"status\":\"error\",\"trials\":[{\"trial\":1,\"passed\":false,\"durationMs\":1200,\"checks\":[{\"check\":"
                + "\"output\",\"passed\":false,\"message\":\"expected \\\"OOM\\\"\\nwas \\\"\\\"\"}],\"inputTokens\":310,"
                + "\"outputTokens\":42,\"failure\":\"timed out after 60s\"},{\"trial\":2,\"passed\":false,\"durationMs\":15,"
                + "\"checks\":[],\"inputTokens\":0,\"outputTokens\":0,\"error\":\"ConnectException: Connection refused\"}],"
                + "\"passedTrials\":0,\"pass\":\"all\",\"durationMs\":1300}\n");
        assertThat(ResultsFiles.readResults(dir.resolve("evalunit")).tasks()).containsExactly(task);
    }

    @Test
    void fileStaysReadableAfterEveryLine() throws IOException {
        Path file = dir.resolve(ResultsFiles.RESULTS_FILE);
        try (ResultsWriter writer = ResultsFiles.open(dir)) {
            for (int i = 1; i <= 5; i++) {
                TaskRecord task = Records.passed("task-" + i, "sre");
                writer.add(task);

                // Read by another reader while the writer is still open: every task so far is there.
                Results results = ResultsFiles.readResults(file);
                assertThat(results.tasks()).hasSize(i).last().isEqualTo(task);
                assertThat(results.warnings()).isEmpty();
                assertThat(Files.readString(file)).endsWith("}\n");
            }
        }
    }

    @Test
    void startsEmptyAtTheStartOfARun() throws IOException {
        try (ResultsWriter writer = ResultsFiles.open(dir)) {
            writer.add(Records.passed("old"));
        }
        try (ResultsWriter writer = ResultsFiles.open(dir)) {
            assertThat(ResultsFiles.readResults(dir).tasks()).isEmpty();
            writer.add(Records.failed("new"));
        }

        assertThat(ResultsFiles.readResults(dir).tasks()).extracting(TaskRecord::task).containsExactly("new");
    }

    @Test
    void linesFromManyThreadsNeverInterleave() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (ResultsWriter writer = ResultsFiles.open(dir)) {
            List<Future<?>> writes = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                // Long messages, so that an unsynchronised write would show as a broken line.
                TaskRecord task = Records.task("S", "task-" + i, "m", TaskOutcome.FAILED, 3, 1, "x".repeat(2000));
                writes.add(pool.submit(() -> {
                    writer.add(task);
                    return null;
                }));
            }
            for (Future<?> write : writes) {
                write.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        Results results = ResultsFiles.readResults(dir);
        assertThat(results.tasks()).hasSize(200);
        assertThat(results.tasks()).extracting(TaskRecord::task).doesNotHaveDuplicates();
    }

    @Test
    void skipsAnIncompleteLastLineWithAWarning() throws IOException {
        try (ResultsWriter writer = ResultsFiles.open(dir)) {
            writer.add(Records.passed("a"));
            writer.add(Records.failed("b"));
        }
        Path file = dir.resolve(ResultsFiles.RESULTS_FILE);
        String whole = Files.readString(file);
        // What a kill in the middle of the third write leaves behind.
        Files.writeString(file, whole + "{\"suite\":\"SreEvalTest\",\"task\":\"c\",\"fi", StandardOpenOption.TRUNCATE_EXISTING);

        Results results = ResultsFiles.readResults(file);

        assertThat(results.tasks()).extracting(TaskRecord::task).containsExactly("a", "b");
        assertThat(results.warnings()).singleElement().asString()
                .isEqualTo(file + ":3: skipped an incomplete last line (the run was probably stopped while writing it)");
    }

    @Test
    void readsAFileLargerThanItsReadBufferLineByLineWithLinesAcrossTheBuffersEdges() throws IOException {
        List<TaskRecord> written = new ArrayList<>();
        try (ResultsWriter writer = ResultsFiles.open(dir)) {
            for (int i = 0; i < 2000; i++) {
                TaskRecord task = Records.passed("task-" + i + "-" + "é".repeat(i % 7), "sre");
                writer.add(task);
                written.add(task);
            }
        }
        Path file = dir.resolve(ResultsFiles.RESULTS_FILE);
        assertThat(Files.size(file)).isGreaterThan(4 * 64 * 1024);
        // A cut last line after them still is the only thing skipped.
        Files.writeString(file, "{\"suite\":\"S\",\"ta", StandardOpenOption.APPEND);

        Results results = ResultsFiles.readResults(file);

        assertThat(results.tasks()).containsExactlyElementsOf(written);
        assertThat(results.warnings()).singleElement().asString().startsWith(file + ":2001: skipped an incomplete last line");
    }

    @Test
    void namesTheFileTheLineAndTheFieldOfABrokenLine() throws IOException {
        Path file = dir.resolve(ResultsFiles.RESULTS_FILE);
        try (ResultsWriter writer = ResultsFiles.open(dir)) {
            writer.add(Records.passed("a"));
        }
        String good = Files.readString(file);
        Files.writeString(file, good + good.replace("\"passed\":true", "\"passed\":\"yes\"") + good);

        assertThatThrownBy(() -> ResultsFiles.readResults(file))
                .isInstanceOf(ResultsFileException.class)
                .hasMessage(file + ":2: not a task line: \"trials[0].passed\" must be true or false, found string \"yes\"")
                .satisfies(e -> assertThat(((ResultsFileException) e).line()).isEqualTo(2));
    }

    @Test
    void refusesABrokenLineThatIsNotTheLast() throws IOException {
        Path file = dir.resolve(ResultsFiles.RESULTS_FILE);
        Files.writeString(file, "{\"suite\":\n{}\n");

        assertThatThrownBy(() -> ResultsFiles.readResults(file))
                .isInstanceOf(ResultsFileException.class)
                .hasMessageStartingWith(file + ":1: not valid JSON: ");
    }

    @Test
    void namesAnUnknownStatus() throws IOException {
        Path file = dir.resolve(ResultsFiles.RESULTS_FILE);
        try (ResultsWriter writer = ResultsFiles.open(dir)) {
            writer.add(Records.passed("a"));
        }
        Files.writeString(file, Files.readString(file).replace("\"status\":\"passed\"", "\"status\":\"ok\""));

        assertThatThrownBy(() -> ResultsFiles.readResults(dir))
                .hasMessage(file + ":1: not a task line: \"status\" must be one of passed, failed, error, found \"ok\"");
    }

    @Test
    void refusesToWriteAfterClose() throws IOException {
        ResultsWriter writer = ResultsFiles.open(dir);
        writer.close();

        assertThatThrownBy(() -> writer.add(Records.passed("a"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void writesTheSummaryAtomicallyAndReadsItBack() throws IOException {
        Scoreboard scoreboard = new Scoreboard();
        scoreboard.add(Records.task("S", "a", "gpt-4o", TaskOutcome.PASSED, 3, 2, "safety"));
        scoreboard.add(Records.task("S", "b", "gpt-4o", TaskOutcome.FAILED, 3, 0, "safety", "tools"));
        scoreboard.add(Records.task("S", "c", "llama", TaskOutcome.ERROR, 1, 0));
        Summary summary = scoreboard.summary(Optional.of(new Shard(2, 3)), Map.of("S", 7));
        Files.writeString(dir.resolve(ResultsFiles.SUMMARY_FILE), "the summary of an earlier run");

        Path written = ResultsFiles.writeSummary(dir, summary);

        assertThat(written).isEqualTo(dir.resolve("summary.json"));
        try (var files = Files.list(dir)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactly("summary.json");
        }
        assertThat(ResultsFiles.readSummary(written)).isEqualTo(summary);
        assertThat(ResultsFiles.readSummary(dir)).isEqualTo(summary);
    }

    @Test
    void writesTheSummaryInTheDocumentedShape() throws IOException {
        Summary summary = Summary.of(List.of(Records.passed("a", "safety"), Records.errored("b")), Optional.empty(),
                Map.of("SreEvalTest", 2));

        ResultsFiles.writeSummary(dir, summary);

        assertThat(Files.readString(dir.resolve("summary.json"))).startsWith("{\n"
                + "  \"formatVersion\": 1,\n"
                + "  \"total\": 2,\n"
                + "  \"passed\": 1,\n"
                + "  \"failed\": 0,\n"
                + "  \"errors\": 1,\n"
                + "  \"passRate\": 1.0,\n"
                + "  \"passRateLow\": 0.20654931437723745,\n"
                + "  \"passRateHigh\": 1.0,\n"
                + "  \"byTag\": {\n"
                + "    \"safety\": {\n"
                + "      \"total\": 1,\n").contains("\n  \"suites\": {\n    \"SreEvalTest\": 2\n  },\n"
                + "  \"tasks\": [\n"
                + "    {\n"
                + "      \"suite\": \"SreEvalTest\",\n"
                + "      \"task\": \"a\",\n"
                + "      \"model\": \"gpt-4o\",\n"
                + "      \"status\": \"passed\",\n"
                + "      \"trials\": 1,\n"
                + "      \"passedTrials\": 1,\n"
                + "      \"cluster\": \"sre/a.yaml\"\n"
                + "    },\n").contains("\n  \"statistics\": {\n    \"gpt-4o\": {\n"
                + "      \"clustering\": \"none (every task its own cluster)\",\n"
                + "      \"clusters\": 1,\n")
                .doesNotContain("\"shard\"", "passAtK", "pairwise").endsWith("}\n");
    }

    @Test
    void aTasksClusterKeyRoundTripsAndClustersItsVerdict() throws IOException {
        TaskRecord plain = Records.passed("a");
        TaskRecord keyed = new TaskRecord(plain.suite(), "b", plain.file(), plain.model(), plain.tags(), plain.status(),
                plain.trials(), plain.passedTrials(), plain.pass(), plain.durationMs(), Optional.empty(),
                Optional.of("billing"));
        try (ResultsWriter writer = ResultsFiles.open(dir)) {
            writer.add(plain);
            writer.add(keyed);
        }

        List<TaskRecord> read = ResultsFiles.readResults(dir).tasks();

        assertThat(read).containsExactly(plain, keyed);
        assertThat(Files.readString(dir.resolve("results.jsonl"))).contains("\"cluster\":\"billing\"");
        assertThat(TaskVerdict.of(read.get(0)).cluster()).isEqualTo("sre/a.yaml");
        assertThat(TaskVerdict.of(read.get(1)).cluster()).isEqualTo("billing");
    }

    @Test
    void readsASummaryWrittenBeforeTrialCountsAsOneTrialPerTaskEachItsOwnCluster() throws IOException {
        ResultsFiles.writeSummary(dir, Summary.of(List.of(Records.passed("a")), Optional.empty(), Map.of()));
        Path file = dir.resolve("summary.json");
        Files.writeString(file, Files.readString(file).replaceAll(",\\s*\"trials\": 1,\\s*\"passedTrials\": 1,\\s*"
                + "\"cluster\": \"[^\"]*\"", ""));

        TaskVerdict verdict = ResultsFiles.readSummary(file).tasks().get(0);

        assertThat(Files.readString(file)).doesNotContain("passedTrials\": 1,\n      \"cluster");
        assertThat(verdict.trials()).isEqualTo(1);
        assertThat(verdict.passedTrials()).isEqualTo(1);
        assertThat(verdict.cluster()).isEqualTo("a");
    }

    @Test
    void namesTheFileAndTheFieldOfABrokenSummary() throws IOException {
        ResultsFiles.writeSummary(dir, Summary.of(List.of(Records.passed("a")), Optional.empty(), Map.of()));
        Path file = dir.resolve("summary.json");
        String good = Files.readString(file);

        Files.writeString(file, good.replace("\"errors\": 0,\n  \"passRate\"", "\"passRate\""));
        assertThatThrownBy(() -> ResultsFiles.readSummary(file)).isInstanceOf(ResultsFileException.class)
                .hasMessage(file + ": not an EvalUnit summary: \"errors\" is missing");

        Files.writeString(file, good.replace("\"formatVersion\": 1", "\"formatVersion\": 2"));
        assertThatThrownBy(() -> ResultsFiles.readSummary(file))
                .hasMessage(file + ": not an EvalUnit summary: formatVersion 2 is newer than this EvalUnit reads (1):"
                        + " use the EvalUnit that wrote it, or a newer one");

        Files.writeString(file, good.substring(0, good.length() / 2));
        assertThatThrownBy(() -> ResultsFiles.readSummary(file)).isInstanceOf(ResultsFileException.class)
                .hasMessageStartingWith(file + ":").hasMessageContaining("not valid JSON");

        Files.writeString(file, "");
        assertThatThrownBy(() -> ResultsFiles.readSummary(file)).hasMessage(file + ": the file is empty");
    }

    @Test
    void saysWhichFileIsMissing() {
        assertThatThrownBy(() -> ResultsFiles.readSummary(dir))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining(dir.resolve("summary.json").toString());
        assertThatThrownBy(() -> ResultsFiles.readResults(dir))
                .isInstanceOf(NoSuchFileException.class).hasMessageContaining(dir.resolve("results.jsonl").toString());
    }

    @Test
    void readsAnEmptyResultsFile() throws IOException {
        Files.write(dir.resolve("results.jsonl"), new byte[0]);

        assertThat(ResultsFiles.readResults(dir).tasks()).isEmpty();
        assertThat(new String(Files.readAllBytes(dir.resolve("results.jsonl")), StandardCharsets.UTF_8)).isEmpty();
    }
}
