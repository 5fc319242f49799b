package dev.evalunit.junit.engine;

import java.util.concurrent.Semaphore;

/**
 * How many tasks run at once. {@code evalunit.concurrency} tasks, except that a task whose only
 * outside work is model calls through the run's call limit (a chat model under test, not a code
 * task, not the user's own agent) needs no slot of its own: those calls never exceed
 * {@code evalunit.concurrency} in flight anyway. A few such tasks more than that, one per
 * processor, may be under way at once, so that while one trial's checks run and its record is
 * written, the next trial already waits with its request for the call that is answered next: the
 * endpoint never waits for the engine's own work.
 *
 * <p>Every task takes one of the {@link #places()}; a task that is not calls only also takes one
 * of the {@code concurrency} slots first, so at most {@code concurrency} of them run at once, as
 * before. The order (slot, then place) is the same for every task, so no two tasks wait for each
 * other. Both semaphores are fair: tasks start in the order they asked.
 */
final class TaskSlots {

    private final int places;
    private final Semaphore slots;
    private final Semaphore underWay;

    TaskSlots(int concurrency, int processors) {
        if (concurrency < 1 || processors < 1) {
            throw new IllegalArgumentException("concurrency and processors must be positive: " + concurrency
                    + ", " + processors);
        }
        this.places = places(concurrency, processors);
        this.slots = new Semaphore(concurrency, true);
        this.underWay = new Semaphore(places, true);
    }

    /** @return the tasks under way at most, the executor's parallelism */
    static int places(int concurrency, int processors) {
        return concurrency + ahead(concurrency, processors);
    }

    /** One at a time stays one at a time, in order; otherwise up to one more per processor. */
    private static int ahead(int concurrency, int processors) {
        return concurrency == 1 ? 0 : Math.min(concurrency, processors);
    }

    /** @return the tasks that may be under way at once */
    int places() {
        return places;
    }

    /**
     * Waits for the task's turn.
     *
     * @param callsOnly whether the task's only outside work is model calls through the call limit
     * @return what to close when the task is done
     * @throws InterruptedException when the run is cancelled while waiting
     */
    Slot acquire(boolean callsOnly) throws InterruptedException {
        if (!callsOnly) {
            slots.acquire();
        }
        try {
            underWay.acquire();
        } catch (InterruptedException e) {
            if (!callsOnly) {
                slots.release();
            }
            throw e;
        }
        return () -> {
            underWay.release();
            if (!callsOnly) {
                slots.release();
            }
        };
    }

    /** A task's turn; closing it lets the next task start. */
    interface Slot extends AutoCloseable {
        @Override
        void close();
    }
}
