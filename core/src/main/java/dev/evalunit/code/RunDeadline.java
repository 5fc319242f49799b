package dev.evalunit.code;

import java.time.Duration;

/** The end of a run's time (compiling included), and how it is shown in messages. */
final class RunDeadline {
    private final Duration length;
    private final long end;

    RunDeadline(Duration length) {
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

    Duration left() {
        return Duration.ofNanos(Math.max(0, end - System.nanoTime()));
    }

    Duration length() {
        return length;
    }

    String shown() {
        return dev.evalunit.config.Durations.format(length) + " (the run's timeout)";
    }
}
