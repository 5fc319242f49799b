package dev.evalunit.code;

import dev.evalunit.check.RunOutcome;
import io.opentelemetry.sdk.trace.data.SpanData;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Builds and runs a code task's answer: the answer's files over a fresh copy of the workspace in a
 * temporary directory, compiled in this JVM, its processes started in order as JVMs of their own
 * that export to an OTLP receiver hosted for this trial on 127.0.0.1, then every process stopped
 * and everything removed.
 *
 * <p>The answer's mistakes fail the trial with a message ({@link CodeRun#failure()}): an answer
 * that names no file or a path outside the workspace, a compile error, a process that never
 * prints its readiness line, does not finish before the deadline or prints without bound (it and
 * its children are killed), and a run that exports no span. Faults of the machine (no compiler,
 * no disk) throw instead: they are not the model's.
 *
 * <p>Every process gets {@code OTEL_EXPORTER_OTLP_ENDPOINT} (the receiver),
 * {@code OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf}, {@code OTEL_METRICS_EXPORTER=none},
 * {@code OTEL_LOGS_EXPORTER=none}, {@code OTEL_BSP_SCHEDULE_DELAY=200}, one variable per port the
 * task names, then the task's variables; no {@code OTEL_*}, {@code JAVA_TOOL_OPTIONS} or
 * {@code CLASSPATH} of the engine's own environment is passed on. Safe to call from several
 * threads: each call has its own directory, ports and receiver.
 *
 * @since 0.1.0
 */
public final class CodeTrial {

    /** How long a service gets to export and exit after it is asked to stop, before it is killed. */
    static final Duration STOP_GRACE = Duration.ofSeconds(10);

    /** How much of a process's output a failure message quotes. */
    static final int TAIL_CHARS = 600;

    /** The placeholder the receiver's URL replaces in arguments and environment values. */
    public static final String OTLP_ENDPOINT_PLACEHOLDER = "OTLP_ENDPOINT";

    private static final Duration POLL = Duration.ofMillis(25);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private static final List<String> CHILD_JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-Xshare:auto", "-XX:-UsePerfData", "-Xmx256m");

    private CodeTrial() {
    }

    /**
     * @param spec the task's code spec; never {@code null}
     * @param answer the model's whole answer; never {@code null}
     * @param deadline how long building and running may take when the task's {@code run.timeout}
     *        does not say; never {@code null}
     * @return the run; never {@code null}
     * @throws IllegalStateException when this JVM has no compiler or the OpenTelemetry jars are missing
     * @throws UncheckedIOException when the temporary directory or a process cannot be created
     */
    public static CodeRun run(CodeSpec spec, String answer, Duration deadline) {
        return run(spec, answer, deadline, Optional.empty());
    }

    /** @param temporaryRoot where the trial's directory goes; the system's temporary directory when empty */
    static CodeRun run(CodeSpec spec, String answer, Duration deadline, Optional<Path> temporaryRoot) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(deadline, "deadline");
        Map<String, String> files;
        try {
            files = AnswerFormat.parse(answer);
        } catch (TrialFailure e) {
            return new CodeRun(Optional.of(e.getMessage()), List.of(), new RunOutcome(List.of(), List.of()),
                    Duration.ZERO);
        }
        return build(spec, spec.run(), files, deadline, temporaryRoot);
    }

    /**
     * Builds and runs an agent's workspace as it left it, the way {@link #run} builds an answer.
     *
     * @param spec the task's code spec; never {@code null}
     * @param files the workspace's files, path to content; never {@code null}
     * @param deadline how long building and running may take when the task's {@code run.timeout}
     *        does not say; never {@code null}
     * @return the run; never {@code null}
     */
    public static CodeRun runFiles(CodeSpec spec, Map<String, String> files, Duration deadline) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(deadline, "deadline");
        for (String path : files.keySet()) {
            if (WorkspacePath.problem(path).isPresent()) {
                return new CodeRun(Optional.of("the workspace holds a file whose name is not a workspace path: "
                        + AgentWorkspace.cut(path, 120)), List.of(), new RunOutcome(List.of(), List.of()), Duration.ZERO);
            }
        }
        return build(spec, spec.run(), files, deadline, Optional.empty());
    }

    /**
     * Builds and runs {@code files} over a fresh copy of the workspace, as {@link #run} does with an
     * answer's files: the one path every build takes, the agent's {@code build} and {@code run}
     * commands included.
     *
     * @param run the processes to start and their limits: the task's own, or a part of them
     * @param files workspace paths (already checked by {@link WorkspacePath}) to content
     */
    static CodeRun build(CodeSpec spec, RunSpec run, Map<String, String> files, Duration deadline,
                         Optional<Path> temporaryRoot) {
        long start = System.nanoTime();
        Deadline until = new Deadline(run.timeout().orElse(deadline));
        List<ChildProcess> started = new ArrayList<>();
        Optional<String> failure = Optional.empty();
        List<SpanData> spans = List.of();
        Path directory = null;
        try (OtlpReceiver receiver = OtlpReceiver.start()) {
            try {
                directory = temporaryRoot.isPresent()
                        ? Files.createTempDirectory(temporaryRoot.get(), "evalunit-code-")
                        : Files.createTempDirectory("evalunit-code-");
                Path workspace = directory.resolve("workspace");
                write(workspace, spec.workspace());
                write(workspace, files);
                Path classes = directory.resolve("classes");
                List<Path> classpath = new ArrayList<>(OpenTelemetryLibraries.classpath());
                classpath.addAll(run.libraries());
                JavaCompilation.compile(workspace, javaSources(workspace), classpath, classes);
                Path tmp = Files.createDirectories(directory.resolve("tmp"));
                List<String> command = command(classes, classpath, tmp);
                Map<String, String> values = new LinkedHashMap<>();
                FreePorts.assign(run.ports()).forEach((name, port) -> values.put(name, String.valueOf(port)));
                values.put(OTLP_ENDPOINT_PLACEHOLDER, receiver.endpoint());
                runProcesses(run, command, values, receiver.endpoint(), workspace, until, started);
                spans = receiver.spans();
                failure = nothingExported(receiver, started);
            } catch (TrialFailure e) {
                failure = Optional.of(e.getMessage());
                spans = receiver.spans();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = Optional.of("the run was interrupted");
            } finally {
                started.forEach(ChildProcess::kill);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build and run the answer: " + e.getMessage(), e);
        } finally {
            if (directory != null) {
                delete(directory);
            }
        }
        RunOutcome outcome = new RunOutcome(started.stream().map(ChildProcess::outcome).toList(), spans);
        return new CodeRun(failure, spans, outcome, Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * Compiles {@code files} over a fresh copy of the workspace as {@link #build} does, without
     * running anything: the agent's {@code compile} command.
     *
     * @return the compile failure, or empty when it compiled
     */
    static Optional<String> compile(CodeSpec spec, Map<String, String> files) {
        Path directory = null;
        try {
            directory = Files.createTempDirectory("evalunit-compile-");
            Path workspace = directory.resolve("workspace");
            write(workspace, spec.workspace());
            write(workspace, files);
            List<Path> classpath = new ArrayList<>(OpenTelemetryLibraries.classpath());
            classpath.addAll(spec.run().libraries());
            JavaCompilation.compile(workspace, javaSources(workspace), classpath, directory.resolve("classes"));
            return Optional.empty();
        } catch (TrialFailure e) {
            return Optional.of(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compile the workspace: " + e.getMessage(), e);
        } finally {
            if (directory != null) {
                delete(directory);
            }
        }
    }

    private static void runProcesses(RunSpec run, List<String> command, Map<String, String> values,
                                     String endpoint, Path workspace, Deadline until, List<ChildProcess> started)
            throws IOException, TrialFailure, InterruptedException {
        List<ChildProcess> services = new ArrayList<>();
        for (ProcessSpec spec : run.processes()) {
            List<String> line = new ArrayList<>(command);
            // The task's JVM options go before the class path and the main class, after the engine's.
            spec.jvmOptions().forEach(option -> line.add(line.indexOf("-cp"), expand(option, values)));
            line.add(spec.mainClass());
            spec.args().forEach(arg -> line.add(expand(arg, values)));
            ChildProcess process = ChildProcess.start(spec, line, environment(run, spec, values, endpoint), workspace,
                    run.maxOutputChars());
            started.add(process);
            if (spec.isService()) {
                awaitReady(process, started, until);
                services.add(process);
            } else {
                awaitExit(process, started, until);
            }
        }
        // Ask every service at once: each exports what it holds in its shutdown hook.
        services.forEach(ChildProcess::requestStop);
        for (ChildProcess service : services) {
            service.stop(STOP_GRACE);
        }
        checkFloods(started);
    }

    private static void awaitReady(ChildProcess process, List<ChildProcess> started, Deadline until)
            throws TrialFailure, InterruptedException {
        String ready = process.spec().ready().orElseThrow();
        while (!process.isReady()) {
            checkFloods(started);
            if (!process.isAlive()) {
                process.awaitExit(Duration.ZERO);
                if (process.isReady()) {
                    break;
                }
                throw new TrialFailure("process " + process.name() + " exited with " + process.exitCode()
                        + " before it printed a line containing \"" + ready + "\"; its output ends "
                        + process.outputTail(TAIL_CHARS));
            }
            if (until.passed()) {
                process.kill();
                throw new TrialFailure("process " + process.name() + " never printed a line containing \"" + ready
                        + "\" within " + until.shown() + " (it never became ready); stopped it and its children."
                        + " Its output ends " + process.outputTail(TAIL_CHARS));
            }
            process.awaitReady(until.atMost(POLL));
        }
    }

    private static void awaitExit(ChildProcess process, List<ChildProcess> started, Deadline until)
            throws TrialFailure, InterruptedException {
        while (!process.awaitExit(until.atMost(POLL))) {
            checkFloods(started);
            if (until.passed()) {
                process.kill();
                throw new TrialFailure("process " + process.name() + " did not finish within " + until.shown()
                        + " (it hangs, or waits for something that never comes); stopped it and its children."
                        + " Its output ends " + process.outputTail(TAIL_CHARS));
            }
        }
        checkFloods(started);
    }

    private static void checkFloods(List<ChildProcess> started) throws TrialFailure {
        for (ChildProcess process : started) {
            if (process.flooded()) {
                throw new TrialFailure("process " + process.name() + " printed more than " + process.maxChars()
                        + " characters (an output flood); stopped it and its children. Its output ends "
                        + process.outputTail(200));
            }
        }
    }

    private static Optional<String> nothingExported(OtlpReceiver receiver, List<ChildProcess> started) {
        if (receiver.overflowed()) {
            return Optional.of("the run exported more than " + OtlpReceiver.MAX_SPANS + " spans (a flood of spans)");
        }
        if (!receiver.spans().isEmpty()) {
            return Optional.empty();
        }
        StringBuilder message = new StringBuilder("the run exported no spans: no process sent a trace to"
                + " OTEL_EXPORTER_OTLP_ENDPOINT before it ended (is the SDK initialised, and are its spans"
                + " exported before the program exits?)");
        if (!receiver.rejected().isEmpty()) {
            message.append("; the receiver refused ").append(receiver.traceRequests()).append(" requests: ")
                    .append(String.join(", ", receiver.rejected()));
        }
        for (ChildProcess process : started) {
            RunOutcome.ProcessOutcome outcome = process.outcome();
            if (outcome.exitCode().isPresent() && outcome.exitCode().getAsInt() != 0) {
                message.append("; process ").append(process.name()).append(" exited with ")
                        .append(outcome.exitCode().getAsInt()).append(", its output ends ")
                        .append(process.outputTail(TAIL_CHARS));
            }
        }
        return Optional.of(message.toString());
    }

    private static Map<String, String> environment(RunSpec run, ProcessSpec spec, Map<String, String> values,
                                                   String endpoint) {
        Map<String, String> env = new LinkedHashMap<>();
        System.getenv().forEach((name, value) -> {
            if (!name.startsWith("OTEL_") && !INHERITED_NOT.contains(name)) {
                env.put(name, value);
            }
        });
        env.put("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
        env.put("OTEL_METRICS_EXPORTER", "none");
        env.put("OTEL_LOGS_EXPORTER", "none");
        env.put("OTEL_BSP_SCHEDULE_DELAY", "200");
        values.forEach((name, value) -> {
            if (!name.equals(OTLP_ENDPOINT_PLACEHOLDER)) {
                env.put(name, value);
            }
        });
        run.env().forEach((name, value) -> env.put(name, expand(value, values)));
        spec.env().forEach((name, value) -> env.put(name, expand(value, values)));
        env.put("OTEL_EXPORTER_OTLP_ENDPOINT", endpoint);
        return env;
    }

    private static final List<String> INHERITED_NOT = List.of("JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS",
            "JDK_JAVA_OPTIONS", "CLASSPATH");

    static String expand(String text, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder expanded = new StringBuilder();
        while (matcher.find()) {
            String value = values.getOrDefault(matcher.group(1), matcher.group());
            matcher.appendReplacement(expanded, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(expanded);
        return expanded.toString();
    }

    private static List<String> command(Path classes, List<Path> classpath, Path tmp) {
        String java = Path.of(System.getProperty("java.home"), "bin",
                File.separatorChar == '\\' ? "java.exe" : "java").toString();
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(CHILD_JVM_OPTIONS);
        command.add("-Djava.io.tmpdir=" + tmp);
        command.add("-Dfile.encoding=UTF-8");
        command.add("-cp");
        List<String> entries = new ArrayList<>();
        entries.add(classes.toString());
        classpath.forEach(path -> entries.add(path.toString()));
        command.add(String.join(File.pathSeparator, entries));
        return command;
    }

    private static void write(Path root, Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = root.resolve(file.getKey()).normalize();
            if (!path.startsWith(root)) { // WorkspacePath already refuses this; never write outside
                throw new IllegalStateException("not in the workspace: " + file.getKey());
            }
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
        }
    }

    private static List<Path> javaSources(Path workspace) throws IOException {
        try (var files = Files.walk(workspace)) {
            return files.filter(path -> Files.isRegularFile(path) && path.toString().endsWith(".java"))
                    .sorted().collect(Collectors.toList());
        }
    }

    /** Removes the directory; what cannot be removed now (a file still open) goes when the JVM exits. */
    static void delete(Path directory) {
        try {
            Files.walkFileTree(directory, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            directory.toFile().deleteOnExit();
        }
    }

    /** The end of a run's time, and how it is shown. */
    private static final class Deadline {
        private final Duration length;
        private final long end;

        Deadline(Duration length) {
            this.length = length;
            this.end = System.nanoTime() + length.toNanos();
        }

        boolean passed() {
            return System.nanoTime() - end >= 0;
        }

        Duration atMost(Duration wait) {
            long left = end - System.nanoTime();
            return Duration.ofNanos(Math.max(0, Math.min(left, wait.toNanos())));
        }

        String shown() {
            return dev.evalunit.config.Durations.format(length) + " (the run's timeout)";
        }
    }
}
