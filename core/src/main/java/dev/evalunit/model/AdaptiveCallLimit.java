package dev.evalunit.model;

/**
 * How many model calls may be in flight at once, shared by every trial of a run: while the
 * endpoint answers 429 the whole run slows down, not just the call that was refused.
 *
 * <p>Additive increase, multiplicative decrease: a 429 halves the limit, once per burst (the other
 * calls refused in the same burst were sent under the old limit and do not halve it again); each
 * successful call raises it by one, back up to the ceiling, {@code evalunit.concurrency}. While the
 * endpoint keeps refusing, the halvings win and fewer calls are in flight; once it answers again,
 * the run is back at full speed within a few calls.
 */
final class AdaptiveCallLimit {

    private final int ceiling;
    private int limit;
    private int inFlight;
    /** Counts decreases; a call remembers the one it started under. */
    private long round;

    AdaptiveCallLimit(int ceiling) {
        if (ceiling < 1) {
            throw new IllegalArgumentException("ceiling must be positive: " + ceiling);
        }
        this.ceiling = ceiling;
        this.limit = ceiling;
    }

    /** A call in flight; closing it frees its place. */
    final class Permit implements AutoCloseable {

        private final long startedInRound;
        private boolean open = true;

        private Permit(long startedInRound) {
            this.startedInRound = startedInRound;
        }

        void succeeded() {
            synchronized (AdaptiveCallLimit.this) {
                if (limit < ceiling) {
                    limit++;
                    AdaptiveCallLimit.this.notifyAll();
                }
            }
        }

        void rateLimited() {
            synchronized (AdaptiveCallLimit.this) {
                if (startedInRound == round) {
                    limit = Math.max(1, limit / 2);
                    round++;
                }
            }
        }

        @Override
        public void close() {
            synchronized (AdaptiveCallLimit.this) {
                if (open) {
                    open = false;
                    inFlight--;
                    AdaptiveCallLimit.this.notifyAll();
                }
            }
        }
    }

    /** Waits for a place under the limit. */
    synchronized Permit acquire() throws InterruptedException {
        while (inFlight >= limit) {
            wait();
        }
        inFlight++;
        return new Permit(round);
    }

    synchronized int limit() {
        return limit;
    }

    synchronized int inFlight() {
        return inFlight;
    }
}
