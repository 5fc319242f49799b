package dev.evalunit.junit.engine;

import java.util.concurrent.Semaphore;

/**
 * How many tasks run at once. {@code evalunit.concurrency} tasks, except that a task whose only
 * outside work is model calls through the run's call limit (a chat model under test, not a code
 * task, not the user's own agent) needs no slot of its own: those calls never exceed
 * {@code evalunit.concurrency} in flight anyway. Up to twice as many such tasks may be under way at
 * once, so that for every call in flight another trial waits with its request for the place that
 * call gives back: while one trial's checks run and its record is written, the next one's call is
 * already out, and when all the calls of a round are answered at once (as the first round is) no
 * call waits for the engine's own work. A trial does not lose its time waiting: its clock stops
 * while its calls wait for a place ({@code ModelCalls.Trial.clock()}).
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

    TaskSlots(int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be positive: " + concurrency);
        }
        this.places = places(concurrency);
        this.slots = new Semaphore(concurrency, true);
        this.underWay = new Semaphore(places, true);
    }

    /** @return the tasks under way at most, the executor's parallelism */
    static int places(int concurrency) {
        // One at a time stays one at a time, in order; otherwise one waiting for each call in flight.
        return concurrency == 1 ? 1 : 2 * concurrency;
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
