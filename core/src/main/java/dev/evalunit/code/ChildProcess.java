package dev.evalunit.code;

import dev.evalunit.check.RunOutcome;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One process of a run, started with the engine's own {@code java}: its output (standard output
 * and error together) read as it comes, kept up to a limit, watched for the readiness line; past
 * the limit the process and its children are killed at once.
 */
final class ChildProcess {

    /** A line longer than this is checked for the readiness text in pieces of this size. */
    private static final int MAX_LINE = 64 * 1024;

    /** How long killing waits for a process to be gone. */
    private static final Duration KILL_WAIT = Duration.ofSeconds(5);

    private final ProcessSpec spec;
    private final Process process;
    private final int maxChars;
    private final long startNanos = System.nanoTime();
    private final StringBuilder output = new StringBuilder();
    private final CountDownLatch ready = new CountDownLatch(1);
    private final Thread reader;
    private final Runnable terminate;
    private volatile boolean flooded;
    private volatile boolean stoppedByEngine;
    private volatile long endNanos;

    private ChildProcess(ProcessSpec spec, Process process, int maxChars, Runnable terminate) {
        this.terminate = terminate;
        this.spec = spec;
        this.process = process;
        this.maxChars = maxChars;
        this.reader = new Thread(this::read, "evalunit-process-" + spec.name() + "-" + process.pid());
        this.reader.setDaemon(true);
    }

    /**
     * @param process the process, started in the trial's sandbox, output and error merged
     * @param terminate asks the program itself to stop (SIGTERM), see {@link dev.evalunit.sandbox.Sandbox#terminate}
     */
    static ChildProcess start(ProcessSpec spec, Process process, int maxChars, Runnable terminate) {
        ChildProcess child = new ChildProcess(spec, process, maxChars, terminate);
        child.reader.start();
        return child;
    }

    private void read() {
        StringBuilder line = new StringBuilder();
        char[] buffer = new char[8192];
        long total = 0;
        try (Reader in = new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                total += n;
                synchronized (output) {
                    output.append(buffer, 0, (int) Math.max(0, Math.min(n, maxChars - output.length())));
                }
                if (total > maxChars) {
                    flooded = true;
                    kill();
                    return;
                }
                if (spec.ready().isPresent() && ready.getCount() > 0) {
                    for (int i = 0; i < n; i++) {
                        char c = buffer[i];
                        if (c == '\n' || line.length() >= MAX_LINE) {
                            checkReady(line);
                            line.setLength(0);
                        }
                        if (c != '\n') {
                            line.append(c);
                        }
                    }
                }
            }
            checkReady(line);
        } catch (IOException e) {
            // The stream closes when the process is killed: what was read is what it printed.
        }
    }

    private void checkReady(CharSequence line) {
        if (spec.ready().isPresent() && line.toString().contains(spec.ready().get())) {
            ready.countDown();
        }
    }

    String name() {
        return spec.name();
    }

    ProcessSpec spec() {
        return spec;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    boolean isReady() {
        return ready.getCount() == 0;
    }

    int maxChars() {
        return maxChars;
    }

    boolean flooded() {
        return flooded;
    }

    /** Waits up to {@code wait} for the readiness line. */
    void awaitReady(Duration wait) throws InterruptedException {
        ready.await(wait.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** @return whether the process exited within {@code wait} */
    boolean awaitExit(Duration wait) throws InterruptedException {
        boolean exited = process.waitFor(wait.toNanos(), TimeUnit.NANOSECONDS);
        if (exited) {
            ended();
        }
        return exited;
    }

    int exitCode() {
        return process.exitValue();
    }

    /**
     * Asks the process to stop (SIGTERM, so the JVM runs its shutdown hooks and the SDK exports
     * what it holds); after {@code grace}, kills it with its children.
     */
    void stop(Duration grace) throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        stoppedByEngine = true;
        List<ProcessHandle> children = process.descendants().toList();
        terminate.run();
        if (!process.waitFor(grace.toNanos(), TimeUnit.NANOSECONDS)) {
            kill();
        }
        children.forEach(child -> {
            child.destroyForcibly();
            awaitGone(child);
        });
        ended();
    }

    /** Sends a stop request without waiting; see {@link #stop}. */
    void requestStop() {
        if (process.isAlive()) {
            stoppedByEngine = true;
            terminate.run();
        }
    }

    /**
     * Kills the process and every process it started, at once, and waits (a few seconds at most)
     * until they are gone, so nothing of the trial outlives it.
     */
    void kill() {
        if (process.isAlive()) {
            stoppedByEngine = true;
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        awaitGone(process.toHandle());
        children.forEach(ChildProcess::awaitGone);
    }

    /**
     * Waits (up to {@link #KILL_WAIT}) until {@code handle}, just killed, is {@linkplain #gone gone}.
     * Looks on its own, every few milliseconds: the JDK's {@code onExit()} of a process that is not
     * this JVM's child sleeps 300 ms and more between looks, and bubblewrap's own process in the
     * sandbox is reaped by whoever adopts it, which cost every service over a second to stop.
     */
    private static void awaitGone(ProcessHandle handle) {
        long deadline = System.nanoTime() + KILL_WAIT.toNanos();
        long pauseMillis = 1;
        try {
            while (!gone(handle) && System.nanoTime() < deadline) {
                Thread.sleep(pauseMillis);
                pauseMillis = Math.min(pauseMillis * 2, 50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * @return whether the process has ended: exited and reaped, or dead and waiting to be reaped (a
     *         zombie holds no memory, files or sockets, only its process id, until whoever adopted
     *         it collects its exit status)
     */
    static boolean gone(ProcessHandle handle) {
        if (!handle.isAlive()) {
            return true;
        }
        try {
            // The state follows the command in parentheses, which may itself hold ") ".
            String stat = Files.readString(Path.of("/proc", String.valueOf(handle.pid()), "stat"));
            int close = stat.lastIndexOf(')');
            char state = close >= 0 && close + 2 < stat.length() ? stat.charAt(close + 2) : '?';
            // If the id was reused meanwhile, isAlive() (which compares start times) says so next time.
            return state == 'Z' || state == 'X';
        } catch (IOException | RuntimeException noProcFile) {
            return !handle.isAlive();
        }
    }

    private void ended() {
        if (endNanos == 0) {
            endNanos = System.nanoTime();
        }
    }

    /** @return what it printed so far; once it has exited, all of it (up to the limit) */
    String output() {
        if (!process.isAlive()) {
            try {
                reader.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (output) {
            return output.toString();
        }
    }

    /** @return the last {@code chars} characters of its output, on one line, for messages */
    String outputTail(int chars) {
        String all = output();
        String tail = all.length() <= chars ? all : "…" + all.substring(all.length() - chars);
        return tail.isBlank() ? "(it printed nothing)" : "\"" + tail.strip().replace("\\", "\\\\")
                .replace("\"", "\\\"").replace("\r", "").replace("\n", "\\n") + "\"";
    }

    RunOutcome.ProcessOutcome outcome() {
        long end = endNanos == 0 ? System.nanoTime() : endNanos;
        OptionalInt exit = process.isAlive() || stoppedByEngine ? OptionalInt.empty()
                : OptionalInt.of(process.exitValue());
        return new RunOutcome.ProcessOutcome(spec.name(), exit, output(), Duration.ofNanos(end - startNanos));
    }
}
