package dev.evalunit.code;

import org.apiguardian.api.API;

import dev.evalunit.check.RunOutcome;
import dev.evalunit.sandbox.Sandbox;
import dev.evalunit.sandbox.SandboxSpec;
import dev.evalunit.sandbox.Sandboxes;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.trace.data.SpanData;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.apiguardian.api.API.Status.INTERNAL;

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
 * {@code OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf}, {@code OTEL_METRICS_EXPORTER=otlp},
 * {@code OTEL_LOGS_EXPORTER=otlp}, {@code OTEL_METRIC_EXPORT_INTERVAL=500}, {@code OTEL_BSP_SCHEDULE_DELAY=200}, one variable per port the
 * task names, then the task's variables; no {@code OTEL_*}, {@code JAVA_TOOL_OPTIONS} or
 * {@code CLASSPATH} of the engine's own environment is passed on. Safe to call from several
 * threads: each call has its own directory, ports and receiver.
 *
 * @since 0.1.0
 */
@API(status = INTERNAL, since = "0.1.0")
public final class CodeTrial {

    /** How long a service gets to export and exit after it is asked to stop, before it is killed. */
    static final Duration STOP_GRACE = Duration.ofSeconds(10);

    /** How much of a process's output a failure message quotes. */
    static final int TAIL_CHARS = 600;

    /** The placeholder the receiver's URL replaces in arguments and environment values. */
    public static final String OTLP_ENDPOINT_PLACEHOLDER = "OTLP_ENDPOINT";

    private static final Duration POLL = Duration.ofMillis(25);
    private static final Pattern PLACEHOLDER = Pattern.compile(
            "\\$\\{([A-Za-z_][A-Za-z0-9_]*|library:[A-Za-z0-9_.-]+:[A-Za-z0-9_.-]+)}");
    private static final List<String> CHILD_JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-Xshare:auto", "-XX:-UsePerfData", "-Xmx256m", "-XX:CompressedClassSpaceSize=64m",
            "-XX:ReservedCodeCacheSize=64m");

    /** CPU time a process may use beyond the run's wall time: a little, for a multi-threaded start. */
    private static final Duration CPU_MARGIN = Duration.ofSeconds(30);

    static {
        Sandboxes.registerTool(SandboxedCompiler.class);
    }

    private CodeTrial() {
    }

    /**
     * Runs in the default sandbox, {@code bubblewrap}.
     *
     * @param spec the task's code spec; never {@code null}
     * @param answer the model's whole answer; never {@code null}
     * @param deadline how long building and running may take when the task's {@code run.timeout}
     *        does not say; never {@code null}
     * @return the run; never {@code null}
     * @throws IllegalStateException when the sandbox cannot run here (the message says what to
     *         install) or the OpenTelemetry jars are missing
     * @throws UncheckedIOException when the temporary directory or a process cannot be created
     */
    public static CodeRun run(CodeSpec spec, String answer, Duration deadline) {
        return run(spec, answer, deadline, Sandboxes.BUBBLEWRAP);
    }

    /**
     * @param sandbox the kind of sandbox, {@link Sandboxes#BUBBLEWRAP} or {@link Sandboxes#NONE}
     * @see #run(CodeSpec, String, Duration)
     */
    public static CodeRun run(CodeSpec spec, String answer, Duration deadline, String sandbox) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(sandbox, "sandbox");
        long start = System.nanoTime();
        Map<String, String> files;
        try {
            files = AnswerFormat.parse(answer);
            AnswerFiles.check(spec.workspace(), files);
        } catch (TrialFailure e) {
            return new CodeRun(Optional.of(e.getMessage()), List.of(), new RunOutcome(List.of(), List.of()),
                    Duration.ofNanos(System.nanoTime() - start));
        }
        return build(spec, spec.run(), files, deadline, sandbox);
    }

    /** Builds and runs an agent's workspace in the default sandbox, {@code bubblewrap}. */
    public static CodeRun runFiles(CodeSpec spec, Map<String, String> files, Duration deadline) {
        return runFiles(spec, files, deadline, Sandboxes.BUBBLEWRAP);
    }

    /**
     * Builds and runs an agent's workspace as it left it, the way {@link #run} builds an answer.
     *
     * @param spec the task's code spec; never {@code null}
     * @param files the workspace's files, path to content; never {@code null}
     * @param deadline how long building and running may take when the task's {@code run.timeout}
     *        does not say; never {@code null}
     * @param sandbox the kind of sandbox, {@link Sandboxes#BUBBLEWRAP} or {@link Sandboxes#NONE}
     * @return the run; never {@code null}
     */
    public static CodeRun runFiles(CodeSpec spec, Map<String, String> files, Duration deadline, String sandbox) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(sandbox, "sandbox");
        for (String path : files.keySet()) {
            if (WorkspacePath.problem(path).isPresent()) {
                return new CodeRun(Optional.of("the workspace holds a file whose name is not a workspace path: "
                        + AgentWorkspace.cut(path, 120)), List.of(), new RunOutcome(List.of(), List.of()), Duration.ZERO);
            }
        }
        return build(spec, spec.run(), files, deadline, sandbox);
    }

    /**
     * Builds and runs {@code files} over the workspace in a fresh sandbox, as {@link #run} does with
     * an answer's files: the one path every build takes, the agent's {@code build} and {@code run}
     * commands included.
     *
     * @param run the processes to start and their limits: the task's own, or a part of them
     * @param files workspace paths (already checked) to content
     */
    static CodeRun build(CodeSpec spec, RunSpec run, Map<String, String> files, Duration deadline, String sandbox) {
        long start = System.nanoTime();
        RunDeadline until = new RunDeadline(run.timeout().orElse(deadline));
        List<ChildProcess> started = new ArrayList<>();
        Optional<String> failure = Optional.empty();
        List<SpanData> spans = List.of();
        List<LogRecordData> logs = List.of();
        List<MetricData> metrics = List.of();
        String token = OtlpReceiver.newToken();
        try (OtlpReceiver receiver = OtlpReceiver.start(token)) {
            try (Sandbox box = openSandbox(run, List.of(receiver.address()), until, sandbox)) {
                try {
                    List<String> inside = writeAndCompile(box, spec, run, files, until);
                    List<String> command = command(box, classes(box), inside);
                    Map<String, String> values = new LinkedHashMap<>();
                    FreePorts.assign(run.ports()).forEach((name, port) -> values.put(name, String.valueOf(port)));
                    InetSocketAddress otlp = box.service(receiver.address());
                    String endpoint = "http://" + otlp.getAddress().getHostAddress() + ":" + otlp.getPort();
                    values.put(OTLP_ENDPOINT_PLACEHOLDER, endpoint);
                    run.libraryJars().forEach((coordinates, jar) -> values.put(
                            CodeSpecReader.LIBRARY_PLACEHOLDER + coordinates, box.readOnly(jar)));
                    runProcesses(run, command, values, endpoint, token, box, until, started);
                    spans = receiver.spans();
                    logs = receiver.logs();
                    metrics = receiver.metrics();
                    failure = nothingExported(receiver, started);
                } catch (TrialFailure e) {
                    failure = Optional.of(e.getMessage());
                    spans = receiver.spans();
                    logs = receiver.logs();
                    metrics = receiver.metrics();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure = Optional.of("the run was interrupted");
                } finally {
                    started.forEach(ChildProcess::kill);
                }
            }
            if (failure.isEmpty() && receiver.overBudget()) {
                failure = Optional.of(receiver.overBudgetMessage());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build and run the answer: " + e.getMessage(), e);
        }
        RunOutcome outcome = new RunOutcome(started.stream().map(ChildProcess::outcome).toList(), spans, logs, metrics);
        return new CodeRun(failure, spans, outcome, Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * Compiles {@code files} over the workspace in a fresh sandbox as {@link #build} does, without
     * running anything: the agent's {@code compile} command.
     *
     * @param deadline how long compiling may take
     * @return the compile failure, or empty when it compiled
     */
    static Optional<String> compile(CodeSpec spec, Map<String, String> files, Duration deadline, String sandbox) {
        RunDeadline until = new RunDeadline(deadline);
        try (Sandbox box = openSandbox(spec.run(), List.of(), until, sandbox)) {
            writeAndCompile(box, spec, spec.run(), files, until);
            return Optional.empty();
        } catch (TrialFailure e) {
            return Optional.of(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("the compile was interrupted");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compile the workspace: " + e.getMessage(), e);
        }
    }

    /**
     * A fresh sandbox for {@code run}: it sees the OpenTelemetry jars, the run's libraries and
     * EvalUnit's tools read-only, reaches {@code services} only, and may use the run's time in CPU
     * plus a margin. The one set-up of a build and of a compile.
     */
    private static Sandbox openSandbox(RunSpec run, List<InetSocketAddress> services, RunDeadline until,
                                       String sandbox) throws IOException {
        List<Path> readOnly = new ArrayList<>(classpath(run));
        readOnly.add(Sandboxes.toolsClassPath());
        return Sandboxes.open(SandboxSpec.of(readOnly, services, until.length().plus(CPU_MARGIN)), sandbox);
    }

    /**
     * Writes the workspace, {@code files} over it and the run's own task files over both into
     * {@code box}, and compiles every Java source among them to {@link #classes(Sandbox)}.
     *
     * @return the class path as {@code box} sees it
     * @throws TrialFailure when the sources do not compile
     */
    private static List<String> writeAndCompile(Sandbox box, CodeSpec spec, RunSpec run, Map<String, String> files,
                                                RunDeadline until)
            throws IOException, TrialFailure, InterruptedException {
        Map<String, String> all = new LinkedHashMap<>(spec.workspace());
        all.putAll(files);
        all.putAll(run.taskFiles());
        for (Map.Entry<String, String> file : all.entrySet()) {
            box.writeFile(file.getKey(), file.getValue());
        }
        List<String> inside = classpath(run).stream().map(box::readOnly).toList();
        JavaCompilation.compile(box, javaSources(all), inside, classes(box),
                box.readOnly(Sandboxes.toolsClassPath()), until);
        return inside;
    }

    /** The OpenTelemetry jars, then the run's libraries: what the program compiles and runs against. */
    private static List<Path> classpath(RunSpec run) {
        List<Path> classpath = new ArrayList<>(OpenTelemetryLibraries.classpath());
        classpath.addAll(run.libraries());
        return classpath;
    }

    /** Where the compiled classes go inside {@code box}. */
    private static String classes(Sandbox box) {
        return box.tmp() + "/evalunit-classes";
    }

    private static void runProcesses(RunSpec run, List<String> command, Map<String, String> values,
                                     String endpoint, String token, Sandbox box, RunDeadline until,
                                     List<ChildProcess> started)
            throws IOException, TrialFailure, InterruptedException {
        List<ChildProcess> services = new ArrayList<>();
        for (ProcessSpec spec : run.processes()) {
            List<String> line = new ArrayList<>();
            if (!spec.command().isEmpty()) {
                // A command of the task's own; Commands found its executable when the file loaded.
                spec.command().forEach(word -> line.add(expand(word, values)));
            } else {
                line.addAll(command);
                // The task's JVM options go before the class path and the main class, after the engine's.
                spec.jvmOptions().forEach(option -> line.add(line.indexOf("-cp"), expand(option, values)));
                if (spec.jar().isPresent()) {
                    // java -jar ignores -cp: the jar brings its own class path in its manifest.
                    int cp = line.indexOf("-cp");
                    line.subList(cp, cp + 2).clear();
                    line.add("-jar");
                    line.add(box.readOnly(spec.jar().get()));
                } else {
                    line.add(spec.mainClass());
                }
            }
            spec.args().forEach(arg -> line.add(expand(arg, values)));
            Process program = box.exec(line, environment(run, spec, values, endpoint, token, box));
            ChildProcess process = ChildProcess.start(spec, program, run.maxOutputChars(),
                    () -> box.terminate(program));
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

    private static void awaitReady(ChildProcess process, List<ChildProcess> started, RunDeadline until)
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

    private static void awaitExit(ChildProcess process, List<ChildProcess> started, RunDeadline until)
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
        if (receiver.recordsOverflowed()) {
            return Optional.of("the run exported more than " + OtlpReceiver.MAX_RECORDS
                    + " log records or metrics (a flood of telemetry)");
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
                                                   String endpoint, String token, Sandbox box) {
        // Nothing of the engine's own environment: it may hold an API key.
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", "/usr/bin:/bin");
        env.put("LANG", "C.UTF-8");
        env.put("HOME", box.tmp());
        env.put("MALLOC_ARENA_MAX", "2");
        env.put("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
        env.put("OTEL_METRICS_EXPORTER", "otlp");
        env.put("OTEL_LOGS_EXPORTER", "otlp");
        env.put("OTEL_METRIC_EXPORT_INTERVAL", "500");
        env.put("OTEL_BSP_SCHEDULE_DELAY", "200");
        values.forEach((name, value) -> {
            if (!name.equals(OTLP_ENDPOINT_PLACEHOLDER) && !name.startsWith(CodeSpecReader.LIBRARY_PLACEHOLDER)) {
                env.put(name, value);
            }
        });
        run.env().forEach((name, value) -> env.put(name, expand(value, values)));
        spec.env().forEach((name, value) -> env.put(name, expand(value, values)));
        env.put("OTEL_EXPORTER_OTLP_ENDPOINT", endpoint);
        env.put("OTEL_EXPORTER_OTLP_HEADERS", OtlpReceiver.TOKEN_HEADER + "=" + token);
        return env;
    }

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

    private static List<String> command(Sandbox box, String classes, List<String> classpath) {
        List<String> command = new ArrayList<>();
        command.add(box.readOnly(Path.of(System.getProperty("java.home"), "bin",
                File.separatorChar == '\\' ? "java.exe" : "java")));
        command.addAll(CHILD_JVM_OPTIONS);
        command.add("-Djava.io.tmpdir=" + box.tmp());
        command.add("-Dfile.encoding=UTF-8");
        command.add("-cp");
        List<String> entries = new ArrayList<>();
        entries.add(classes);
        entries.addAll(classpath);
        command.add(String.join(File.pathSeparator, entries));
        return command;
    }

    private static List<String> javaSources(Map<String, String> files) {
        return files.keySet().stream().filter(path -> path.endsWith(".java")).sorted().toList();
    }
}
