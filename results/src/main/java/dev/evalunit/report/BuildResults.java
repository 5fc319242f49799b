package dev.evalunit.report;

import org.apiguardian.api.API;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * The results of one build in one report directory, shared by every engine execution of that
 * build: a {@code @Suite} class beside {@code @EvalSuite} classes, several Surefire forks or
 * executions, Surefire then Failsafe. Each execution appends its tasks to the same
 * {@code results.jsonl}; each one, as it ends, rewrites {@code summary.json} from every line the
 * build has written so far, so the last to end leaves the summary of the whole build. Every read
 * and write happens under a lock on the directory, so concurrent forks never interleave.
 *
 * <p>The directory remembers which build wrote it ({@code build.json}). The first execution of a
 * new build starts the files afresh, so an earlier build's tasks never mix into this one's
 * figures. With {@code resume}, it keeps the earlier build's results aside instead
 * ({@code results.previous.jsonl}), so the tasks they scored, unchanged since, need not run again.
 * The layout is described in {@code docs/results-format.md}.
 *
 * @since 0.1.0
 */
@API(status = INTERNAL, since = "0.1.0")
public final class BuildResults implements AutoCloseable {

    /** The file that names the build the directory's results belong to. */
    public static final String BUILD_FILE = "build.json";
    /** The results of earlier builds, kept by a resumed build for the tasks it need not run again. */
    public static final String PREVIOUS_RESULTS_FILE = "results.previous.jsonl";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path directory;
    private final String buildId;
    private final Map<TaskKey, TaskRecord> previous;
    private final List<String> warnings;
    private final FileChannel results;
    private boolean closed;

    private BuildResults(Path directory, String buildId, Map<TaskKey, TaskRecord> previous, List<String> warnings,
            FileChannel results) {
        this.directory = directory;
        this.buildId = buildId;
        this.previous = previous;
        this.warnings = warnings;
        this.results = results;
    }

    /**
     * Joins the results of build {@code buildId} in {@code directory}, starting them when the
     * directory holds another build's (or none).
     *
     * @param directory the report directory, created if needed; never {@code null}
     * @param buildId what tells this build from another: every execution of one build passes the same; never {@code null}
     * @param resume whether to keep the results of earlier builds for {@link #earlier}
     * @return the build's results; close it when the execution ends
     * @throws IOException if the directory cannot be prepared
     */
    public static BuildResults open(Path directory, String buildId, boolean resume) throws IOException {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(buildId, "buildId");
        Files.createDirectories(directory);
        List<String> warnings = new ArrayList<>();
        Map<TaskKey, TaskRecord> previous = DirectoryLock.holding(directory, () -> {
            Path resultsFile = directory.resolve(ResultsFiles.RESULTS_FILE);
            Path previousFile = directory.resolve(PREVIOUS_RESULTS_FILE);
            if (!buildId.equals(buildOf(directory))) {
                startBuild(directory, buildId, resume, resultsFile, previousFile, warnings);
            }
            if (!resume || !Files.isRegularFile(previousFile)) {
                return Map.<TaskKey, TaskRecord>of();
            }
            return latest(readLeniently(previousFile, warnings));
        });
        FileChannel channel = FileChannel.open(directory.resolve(ResultsFiles.RESULTS_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        return new BuildResults(directory, buildId, previous, warnings, channel);
    }

    private static void startBuild(Path directory, String buildId, boolean resume, Path resultsFile, Path previousFile,
            List<String> warnings) throws IOException {
        if (resume) {
            // What earlier builds scored: the older record of a task, overlaid by the newer.
            Map<TaskKey, TaskRecord> kept = new LinkedHashMap<>();
            if (Files.isRegularFile(previousFile)) {
                kept.putAll(latest(readLeniently(previousFile, warnings)));
            }
            if (Files.isRegularFile(resultsFile)) {
                kept.putAll(latest(readLeniently(resultsFile, warnings)));
            }
            StringBuilder lines = new StringBuilder();
            kept.values().forEach(task -> lines.append(ResultsJson.line(task)).append('\n'));
            writeAtomically(previousFile, lines.toString());
        } else {
            Files.deleteIfExists(previousFile);
        }
        // The summary goes first: a reader must never take an earlier build's summary for this one's.
        Files.deleteIfExists(directory.resolve(ResultsFiles.SUMMARY_FILE));
        Files.write(resultsFile, new byte[0]);
        ObjectNode build = MAPPER.createObjectNode().put("build", buildId);
        build.putObject("suites");
        writeAtomically(directory.resolve(BUILD_FILE), MAPPER.writeValueAsString(build) + "\n");
    }

    /** @return the report directory */
    public Path directory() {
        return directory;
    }

    /** @return what was skipped while reading earlier results, and why */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    /**
     * The result an earlier build recorded for a task that has not changed since: passed or
     * failed, with the same {@link TaskRecord#version() version}. A task that errored is not
     * returned (an outage is what a resume usually follows), nor one whose version is unknown.
     *
     * @param key the task; never {@code null}
     * @param version the task's version now; never {@code null}
     * @return the earlier result, when the run was resumed and has one
     */
    public Optional<TaskRecord> earlier(TaskKey key, Optional<String> version) {
        TaskRecord found = previous.get(key);
        if (found == null || !found.scored() || version.isEmpty() || !found.version().equals(version)) {
            return Optional.empty();
        }
        return Optional.of(found);
    }

    /**
     * Appends a finished task to {@code results.jsonl}, in one write under the directory's lock.
     *
     * @param task the task; never {@code null}
     * @throws IOException if it cannot be written
     */
    public void add(TaskRecord task) throws IOException {
        Objects.requireNonNull(task, "task");
        // Serialised before taking the locks: concurrent trials wait for each other's write only.
        byte[] bytes = (ResultsJson.line(task) + "\n").getBytes(StandardCharsets.UTF_8);
        append(bytes);
    }

    private synchronized void append(byte[] bytes) throws IOException {
        if (closed) {
            throw new IllegalStateException("the results of " + directory + " are closed");
        }
        DirectoryLock.holding(directory, () -> {
            ByteBuffer line = ByteBuffer.wrap(bytes);
            while (line.hasRemaining()) {
                results.write(line);
            }
            return null;
        });
    }

    /**
     * Writes {@code summary.json} from every task the build recorded so far, in every execution.
     *
     * @param shard the shard this execution ran, when it was sharded; never {@code null}
     * @param suiteSizes suite &rarr; how many tasks the whole suite has, for this execution's suites;
     *        merged with those of the build's other executions; never {@code null}
     * @param sandbox this execution's {@code evalunit.sandbox}; the summary records the build's:
     *        {@code none} when any execution ran unconfined, else the one kind they all used
     * @return the figures and tasks of the whole build so far
     * @throws IOException if a file cannot be read or written
     */
    public synchronized Build finish(Optional<Shard> shard, Map<String, Integer> suiteSizes, String sandbox)
            throws IOException {
        Objects.requireNonNull(shard, "shard");
        Objects.requireNonNull(suiteSizes, "suiteSizes");
        Objects.requireNonNull(sandbox, "sandbox");
        return DirectoryLock.holding(directory, () -> {
            Map<String, Integer> suites = new TreeMap<>();
            JsonNode build = readBuild(directory);
            if (build != null && build.path("suites").isObject()) {
                Iterator<Map.Entry<String, JsonNode>> fields = build.path("suites").fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> suite = fields.next();
                    suites.put(suite.getKey(), suite.getValue().asInt());
                }
            }
            suites.putAll(suiteSizes);
            java.util.Set<String> sandboxes = new java.util.TreeSet<>();
            if (build != null) {
                build.path("sandboxes").forEach(kind -> sandboxes.add(kind.asText()));
            }
            sandboxes.add(sandbox);
            ObjectNode updated = MAPPER.createObjectNode().put("build", buildId);
            ObjectNode suiteNode = updated.putObject("suites");
            suites.forEach(suiteNode::put);
            sandboxes.forEach(updated.putArray("sandboxes")::add);
            writeAtomically(directory.resolve(BUILD_FILE), MAPPER.writeValueAsString(updated) + "\n");
            // Outlines: the report reads each task whole again from the file (see HtmlReport.write).
            Results read = ResultsFiles.readResults(directory.resolve(ResultsFiles.RESULTS_FILE), false);
            List<TaskRecord> tasks = read.latest();
            // One execution unconfined makes the whole build's code unconfined; kinds that differ are said as they are.
            Summary summary = Summary.of(tasks, shard, suites).withSandbox(sandboxes.contains("none") ? "none"
                    : String.join(",", sandboxes));
            ResultsFiles.writeSummary(directory, summary);
            List<String> notes = new ArrayList<>(read.warnings());
            notes.addAll(read.scoredAgain());
            return new Build(summary, tasks, notes, read.occurrences());
        });
    }

    /** Closes this execution's handle on {@code results.jsonl}; the files stay. */
    @Override
    public synchronized void close() throws IOException {
        if (!closed) {
            closed = true;
            results.close();
        }
    }

    /**
     * The whole build's results as one execution leaves them.
     *
     * @param summary what {@code summary.json} now holds
     * @param tasks every task of the build, each once (the latest line of a task scored again), as
     *        its {@linkplain TaskRecord#outline() outline}
     * @param warnings what a reader should know: lines skipped, tasks scored more than once
     * @param occurrences how many lines each task had in {@code results.jsonl} when it was read, for
     *        {@link HtmlReport#write(Path, List, Map, Optional, Prices, Path, Map)} to find each task's latest
     */
    public record Build(Summary summary, List<TaskRecord> tasks, List<String> warnings,
                        Map<TaskKey, Integer> occurrences) {

        public Build {
            Objects.requireNonNull(summary, "summary");
            tasks = List.copyOf(tasks);
            warnings = List.copyOf(warnings);
            occurrences = Map.copyOf(occurrences);
        }
    }

    private static String buildOf(Path directory) throws IOException {
        JsonNode build = readBuild(directory);
        return build == null ? null : build.path("build").asText(null);
    }

    private static JsonNode readBuild(Path directory) throws IOException {
        Path file = directory.resolve(BUILD_FILE);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return null; // unreadable: treated as another build's, so this build starts afresh
        }
    }

    /** Earlier results only save work: a line that cannot be read is run again, not an error. */
    private static List<TaskRecord> readLeniently(Path file, List<String> warnings) throws IOException {
        try {
            Results results = ResultsFiles.readResults(file);
            warnings.addAll(results.warnings());
            return results.tasks();
        } catch (ResultsFileException e) {
            warnings.add(e.getMessage() + "; the earlier results in " + file + " are not used, every task runs again");
            return List.of();
        } catch (NoSuchFileException e) {
            return List.of();
        }
    }

    private static Map<TaskKey, TaskRecord> latest(List<TaskRecord> tasks) {
        Map<TaskKey, TaskRecord> latest = new LinkedHashMap<>();
        tasks.forEach(task -> latest.put(task.key(), task));
        return latest;
    }

    private static void writeAtomically(Path target, String text) throws IOException {
        Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }
}
