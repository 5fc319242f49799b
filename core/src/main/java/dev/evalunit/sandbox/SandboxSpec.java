package dev.evalunit.sandbox;

import org.apiguardian.api.API;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * What a {@link Sandbox} gives its commands, and how much of the machine they may use.
 *
 * @param readOnly files and folders commands may read (jars, class folders); never {@code null}
 * @param services host services (on the loopback address) commands may connect to, and no other
 *        address; never {@code null}
 * @param memoryBytes the address space one process may map, native memory included
 * @param processes the most processes and threads of the sandbox's commands together
 * @param cpu the CPU time one process may use
 * @param diskBytes the most bytes the workspace and the temporary directory may hold together
 * @since 0.1.0
 */
@API(status = INTERNAL, since = "0.1.0")
public record SandboxSpec(List<Path> readOnly, List<InetSocketAddress> services, long memoryBytes,
                          int processes, Duration cpu, long diskBytes) {

    /** Address space of one process: a JVM of 256 MB heap with room to spare. */
    public static final long DEFAULT_MEMORY_BYTES = 1536L * 1024 * 1024;

    /** Processes and threads together: a few JVMs of a few dozen threads each. */
    public static final int DEFAULT_PROCESSES = 768;

    /** Workspace, compiled classes and temporary files together. */
    public static final long DEFAULT_DISK_BYTES = 256L * 1024 * 1024;

    public SandboxSpec {
        readOnly = List.copyOf(Objects.requireNonNull(readOnly, "readOnly"));
        services = List.copyOf(Objects.requireNonNull(services, "services"));
        Objects.requireNonNull(cpu, "cpu");
        if (memoryBytes < 1 || processes < 1 || cpu.isNegative() || cpu.isZero() || diskBytes < 1) {
            throw new IllegalArgumentException("sandbox limits must be positive");
        }
    }

    /**
     * @param readOnly see {@link #readOnly()}
     * @param services see {@link #services()}
     * @param cpu see {@link #cpu()}
     * @return a spec with the default memory, process and disk limits
     */
    public static SandboxSpec of(List<Path> readOnly, List<InetSocketAddress> services, Duration cpu) {
        return new SandboxSpec(readOnly, services, DEFAULT_MEMORY_BYTES, DEFAULT_PROCESSES, cpu, DEFAULT_DISK_BYTES);
    }
}
