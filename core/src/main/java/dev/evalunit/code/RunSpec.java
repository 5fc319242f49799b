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
 * @since 0.1.0
 */
@API(status = INTERNAL, since = "0.1.0")
public record RunSpec(List<ProcessSpec> processes, List<String> ports, Map<String, String> env,
                      Optional<Duration> timeout, int maxOutputChars, List<Path> libraries) {

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
    }

    /** A run against the OpenTelemetry jars only. */
    public RunSpec(List<ProcessSpec> processes, List<String> ports, Map<String, String> env,
                   Optional<Duration> timeout, int maxOutputChars) {
        this(processes, ports, env, timeout, maxOutputChars, List.of());
    }
}
