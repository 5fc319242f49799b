package dev.evalunit.model;

import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * A trial's clock: {@link System#nanoTime()}, stopped while the trial's model calls wait for a
 * place among the calls in flight ({@link AdaptiveCallLimit}). The trial's deadline, the retries'
 * and an agent's {@code max-time} run on it. That wait is the run's doing (its
 * {@code evalunit.concurrency}, an endpoint that rate-limits), not the model's: counted against
 * the trial, a task queued behind others could time out for work it was never let do.
 *
 * <p>While several calls of one trial wait at once, the clock stops once, not once per call.
 */
final class TrialClock implements LongSupplier {

    private final LongSupplier nanoTime;
    private int waiting;
    private long waitingSince;
    private long waited;

    /** @param nanoTime the clock that runs on, {@link System#nanoTime()} but in tests */
    TrialClock(LongSupplier nanoTime) {
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    /** A call of the trial starts waiting for a place. */
    synchronized void waiting() {
        if (waiting++ == 0) {
            waitingSince = nanoTime.getAsLong();
        }
    }

    /** A call that was {@link #waiting()} got its place, or stopped waiting. */
    synchronized void placed() {
        if (waiting <= 0) {
            throw new IllegalStateException("placed() without waiting()");
        }
        if (--waiting == 0) {
            waited += nanoTime.getAsLong() - waitingSince;
        }
    }

    /** @return the trial's time in nanoseconds, on {@link System#nanoTime()}'s scale less the waits so far */
    @Override
    public synchronized long getAsLong() {
        return (waiting > 0 ? waitingSince : nanoTime.getAsLong()) - waited;
    }
}
