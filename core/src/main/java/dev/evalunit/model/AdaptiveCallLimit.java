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
    /** Calls waiting for a place now. */
    private int waiting;
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
    final class Permit implements CallPlace.Taken {

        private final long startedInRound;
        private boolean open = true;

        private Permit(long startedInRound) {
            this.startedInRound = startedInRound;
        }

        @Override
        public void succeeded() {
            synchronized (AdaptiveCallLimit.this) {
                if (limit < ceiling) {
                    limit++;
                    AdaptiveCallLimit.this.notifyAll();
                }
            }
        }

        @Override
        public void rateLimited() {
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
                    // One place freed: one waiter to wake, not all of them to find all but one place taken.
                    AdaptiveCallLimit.this.notify();
                }
            }
        }
    }

    /** Waits for a place under the limit. */
    Permit acquire() throws InterruptedException {
        return acquire(null);
    }

    /**
     * Waits for a place under the limit, the trial's clock stopped meanwhile.
     *
     * @param clock the waiting call's trial clock; {@code null} for none
     */
    synchronized Permit acquire(TrialClock clock) throws InterruptedException {
        if (inFlight >= limit) {
            if (clock != null) {
                clock.waiting();
            }
            waiting++;
            try {
                while (inFlight >= limit) {
                    wait();
                }
            } finally {
                waiting--;
                if (clock != null) {
                    clock.placed();
                }
            }
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

    /** @return how many calls wait for a place now; for tests */
    synchronized int waiting() {
        return waiting;
    }
}
