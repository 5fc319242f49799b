package dev.evalunit.code;

import org.apiguardian.api.API;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * How a code task's program runs: its processes in start order, the ports the engine assigns,
 * and the limits.
 *
 * @param processes at least one, in start order; never {@code null}
 * @param ports names of ports the engine assigns (free ports on 127.0.0.1), each passed to every
 *        process as an environment variable of that name and usable as {@code ${NAME}} in
 *        arguments and environment values; never {@code null}
 * @param env environment variables of every process, values with placeholders; never {@code null}
 * @param timeout the deadline of the whole run (compiling, starting, running, stopping), when the
 *        task sets one; else the deadline the runner passes
 * @param maxOutputChars the most characters one process may print before it is stopped as a flood
 * @param libraries jars the program compiles and runs against beyond the OpenTelemetry ones
 *        ({@code run.libraries}, found on the tests' class path); never {@code null}
 * @param libraryJars the same jars by their coordinates {@code groupId:artifactId}, for the
 *        {@code ${library:groupId:artifactId}} placeholder and {@code jar:}; never {@code null}
 * @param taskFiles files of the task's own ({@code run.task-files}), path to content: written over
 *        the workspace after the answer's, so no answer replaces them, and never shown to the model
 *        (a peer process that checks what the program sends, for instance); never {@code null}
 * @since 0.1.0
 */
@API(status = INTERNAL, since = "0.1.0")
public record RunSpec(List<ProcessSpec> processes, List<String> ports, Map<String, String> env,
                      Optional<Duration> timeout, int maxOutputChars, List<Path> libraries,
                      Map<String, Path> libraryJars, Map<String, String> taskFiles) {

    /** The default of {@link #maxOutputChars()}: a megabyte of text. */
    public static final int DEFAULT_MAX_OUTPUT_CHARS = 1_000_000;

    public RunSpec {
        processes = List.copyOf(Objects.requireNonNull(processes, "processes"));
        if (processes.isEmpty()) {
            throw new IllegalArgumentException("a run needs at least one process");
        }
        ports = List.copyOf(Objects.requireNonNull(ports, "ports"));
        env = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(env, "env")));
        Objects.requireNonNull(timeout, "timeout");
        if (maxOutputChars < 1) {
            throw new IllegalArgumentException("maxOutputChars must be positive: " + maxOutputChars);
        }
        libraries = List.copyOf(Objects.requireNonNull(libraries, "libraries"));
        libraryJars = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(libraryJars,
                "libraryJars")));
        taskFiles = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(taskFiles, "taskFiles")));
    }

    /** A run against the OpenTelemetry jars and {@code libraries}, with no files of the task's own. */
    public RunSpec(List<ProcessSpec> processes, List<String> ports, Map<String, String> env,
                   Optional<Duration> timeout, int maxOutputChars, List<Path> libraries) {
        this(processes, ports, env, timeout, maxOutputChars, libraries, Map.of(), Map.of());
    }

    /**
     * @return this run with other processes and deadline, the same libraries and task files (the
     *         agent's {@code build NAME} and {@code run NAME} commands)
     */
    public RunSpec with(List<ProcessSpec> only, Optional<Duration> deadline) {
        return new RunSpec(only, ports, env, deadline, maxOutputChars, libraries, libraryJars, taskFiles);
    }

    /** A run against the OpenTelemetry jars only. */
    public RunSpec(List<ProcessSpec> processes, List<String> ports, Map<String, String> env,
                   Optional<Duration> timeout, int maxOutputChars) {
        this(processes, ports, env, timeout, maxOutputChars, List.of());
    }
}
