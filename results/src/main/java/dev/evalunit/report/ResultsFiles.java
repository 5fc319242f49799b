package dev.evalunit.report;

import org.apiguardian.api.API;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

/**
 * Writes and reads the two files of a report directory: {@code results.jsonl}, one line per
 * finished task, written as tasks finish; and {@code summary.json}, the figures of the run, written
 * once at its end. Both formats are described in {@code docs/results-format.md}.
 *
 * @since 0.1.0
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class ResultsFiles {

    /** The name of the file of task lines. */
    public static final String RESULTS_FILE = "results.jsonl";
    /** The name of the summary file. */
    public static final String SUMMARY_FILE = "summary.json";

    private static final String TEMPORARY_SUFFIX = ".tmp";

    private ResultsFiles() {
    }

    /**
     * Starts the results of a run: creates {@code reportDir} if needed and empties its
     * {@code results.jsonl}.
     *
     * @param reportDir the report directory; never {@code null}
     * @return a writer for the task lines; close it at the end of the run
     * @throws IOException if the directory or the file cannot be created
     */
    public static ResultsWriter open(Path reportDir) throws IOException {
        Objects.requireNonNull(reportDir, "reportDir");
        Files.createDirectories(reportDir);
        Path file = reportDir.resolve(RESULTS_FILE);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        return new ResultsWriter(file, channel);
    }

    /**
     * Writes {@code summary.json} atomically: to {@code summary.json.tmp} first, then renamed over
     * the old one, so a reader sees the previous file or the new one, never half of one.
     *
     * @param reportDir the report directory, created if needed; never {@code null}
     * @param summary the summary; never {@code null}
     * @return the file written
     * @throws IOException if it cannot be written
     */
    public static Path writeSummary(Path reportDir, Summary summary) throws IOException {
        Objects.requireNonNull(reportDir, "reportDir");
        Objects.requireNonNull(summary, "summary");
        return writeAtomically(reportDir, SUMMARY_FILE, ResultsJson.pretty(summary));
    }

    /** Writes a file's text as it is produced. */
    interface TextWriting {
        void writeTo(java.io.Writer out) throws IOException;
    }

    /**
     * Writes {@code name.tmp} in {@code reportDir} (created if needed) as {@code text} produces it,
     * never holding it whole, then renames it over {@code name}.
     */
    static Path writeAtomically(Path reportDir, String name, TextWriting text) throws IOException {
        Files.createDirectories(reportDir);
        Path target = reportDir.resolve(name);
        Path temporary = reportDir.resolve(name + TEMPORARY_SUFFIX);
        try {
            try (java.io.Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                text.writeTo(out);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return target;
    }

    /** {@link #writeAtomically(Path, String, TextWriting)} of a text already whole. */
    static Path writeAtomically(Path reportDir, String name, String text) throws IOException {
        return writeAtomically(reportDir, name, out -> out.write(text));
    }

    /**
     * Reads the task lines of a run. Blank lines are skipped; so is an incomplete last line (one
     * with no line end that does not parse: the run was killed while writing it), with a warning.
     *
     * @param path a {@code results.jsonl}, or a report directory holding one; never {@code null}
     * @return the tasks, in file order, and any warnings
     * @throws NoSuchFileException if there is no such file
     * @throws ResultsFileException if a line is not a task line, naming the file, the line and the problem
     * @throws IOException if the file cannot be read
     */
    public static Results readResults(Path path) throws IOException {
        return readResults(path, true);
    }

    /**
     * {@link #readResults(Path)}, each task as its {@linkplain TaskRecord#outline() outline} when
     * {@code whole} is false: what the summary, the build log and the gate read, at a fraction of the
     * memory (a build of 50,000 tasks holds them all at its end).
     */
    static Results readResults(Path path, boolean whole) throws IOException {
        Path file = fileIn(path, RESULTS_FILE);
        List<TaskRecord> tasks = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        eachJsonLine(file, warnings, (json, line, lineNumber) -> {
            try {
                TaskRecord task = ResultsJson.task(json);
                tasks.add(whole ? task : task.outline());
            } catch (ResultsJson.ShapeException | IllegalArgumentException e) {
                throw new ResultsFileException(file, lineNumber, "not a task line: " + e.getMessage(), e);
            }
        });
        return new Results(file, tasks, warnings);
    }

    /**
     * Gives the latest line of each task in {@code results.jsonl}, as written (compact JSON), in the
     * order of {@link Results#latest()} (a task's latest line is where it last finished), reading the
     * file line by line: what the HTML report embeds, never held as records. A cut last line is left
     * out, as {@link #readResults(Path)} leaves it out.
     *
     * @param occurrences how many lines each task had when the file was read ({@link Results#occurrences()});
     *        a line appended since (another execution of the build) is not given
     */
    static void eachLatestLine(Path path, Map<TaskKey, Integer> occurrences, LineConsumer latest) throws IOException {
        Path file = fileIn(path, RESULTS_FILE);
        Map<TaskKey, Integer> seen = new java.util.HashMap<>();
        eachTaskLine(file, (key, line) -> {
            if (seen.merge(key, 1, Integer::sum).equals(occurrences.get(key))) {
                latest.accept(line);
            }
        });
    }

    /** Takes one line of text. */
    interface LineConsumer {
        void accept(String line) throws IOException;
    }

    private interface TaskLineReader {
        void read(TaskKey key, String line) throws IOException;
    }

    private static void eachTaskLine(Path file, TaskLineReader reader) throws IOException {
        eachJsonLine(file, new ArrayList<>(), (json, line, lineNumber) -> reader.read(
                new TaskKey(json.path("suite").asText(), json.path("task").asText(), json.path("model").asText()), line));
    }

    private interface JsonLineReader {
        void read(JsonNode json, String line, int lineNumber) throws IOException;
    }

    /**
     * Gives each non-blank line of {@code file} parsed; a cut last line that does not parse is left
     * out with a line in {@code warnings}, any other line that does not parse is an error naming it.
     */
    private static void eachJsonLine(Path file, List<String> warnings, JsonLineReader reader) throws IOException {
        eachLine(file, (text, lineNumber, lastAndCut) -> {
            String line = text.strip();
            if (line.isEmpty()) {
                return;
            }
            JsonNode json;
            try {
                json = ResultsJson.parse(line);
            } catch (JsonProcessingException e) {
                if (lastAndCut) {
                    warnings.add(file + ":" + lineNumber + ": skipped an incomplete last line (the run was probably"
                            + " stopped while writing it)");
                    return;
                }
                throw new ResultsFileException(file, lineNumber, "not valid JSON: " + e.getOriginalMessage(), e);
            }
            reader.read(json, line, lineNumber);
        });
    }

    private interface LineReader {
        void read(String text, int lineNumber, boolean lastAndCut) throws IOException;
    }

    private static void eachLine(Path file, LineReader reader) throws IOException {
        // Line by line, never the whole file at once: a build of 50,000 tasks writes tens of MB.
        try (java.io.Reader in = new java.io.InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder();
            char[] buffer = new char[64 * 1024];
            int lineNumber = 0;
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                int from = 0;
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        line.append(buffer, from, i - from);
                        reader.read(line.toString(), ++lineNumber, false);
                        line.setLength(0);
                        from = i + 1;
                    }
                }
                line.append(buffer, from, read - from);
            }
            if (line.length() > 0) {
                // No line end after it: the last line, perhaps cut by a run stopped while writing it.
                reader.read(line.toString(), ++lineNumber, true);
            }
        }
    }

    /**
     * Reads a summary.
     *
     * @param path a {@code summary.json}, or a report directory holding one; never {@code null}
     * @return the summary
     * @throws NoSuchFileException if there is no such file
     * @throws ResultsFileException if the file is not a summary, naming the file and the problem
     * @throws IOException if the file cannot be read
     */
    public static Summary readSummary(Path path) throws IOException {
        Path file = fileIn(path, SUMMARY_FILE);
        String text = Files.readString(file, StandardCharsets.UTF_8);
        JsonNode json;
        try {
            json = ResultsJson.parse(text);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new ResultsFileException(file, Math.max(line, 0), "not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (json == null || json.isMissingNode()) {
            throw new ResultsFileException(file, 0, "the file is empty", null);
        }
        try {
            return ResultsJson.summary(json);
        } catch (ResultsJson.ShapeException | IllegalArgumentException e) {
            throw new ResultsFileException(file, 0, "not an EvalUnit summary: " + e.getMessage(), e);
        }
    }

    private static Path fileIn(Path path, String name) throws NoSuchFileException {
        Objects.requireNonNull(path, "path");
        Path file = Files.isDirectory(path) ? path.resolve(name) : path;
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, "no " + name + " there");
        }
        return file;
    }
}
