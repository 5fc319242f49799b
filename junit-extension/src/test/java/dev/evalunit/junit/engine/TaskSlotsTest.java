package dev.evalunit.junit.engine;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * TaskSlots lets evalunit.concurrency tasks run at once, and up to twice as many of those whose
 * only outside work is model calls through the call limit. Whether an acquire blocks is seen
 * from the waiting thread's state, not from any time.
 */
class TaskSlotsTest {

    @Test
    void letsUpToTwiceTheConcurrencyOfCallsOnlyTasksRun() throws Exception {
        TaskSlots slots = new TaskSlots(2);
        List<TaskSlots.Slot> held = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            held.add(slots.acquire(true));
        }

        assertThat(slots.places()).isEqualTo(4);
        Waiter fifth = Waiter.start(slots, true);
        assertThat(fifth.blocked()).isTrue();
        held.get(0).close();
        fifth.join();
        assertThat(fifth.acquired.get()).isTrue();
    }

    @Test
    void runsAtMostTheConcurrencyOfOtherTasksAndStillLetsCallsOnlyTasksIn() throws Exception {
        TaskSlots slots = new TaskSlots(2);
        TaskSlots.Slot first = slots.acquire(false);
        slots.acquire(false);

        Waiter third = Waiter.start(slots, false);
        assertThat(third.blocked()).isTrue();
        // Twice the concurrency under way at most: 2 + 2 places.
        assertThat(slots.places()).isEqualTo(4);
        slots.acquire(true); // not held back by the two slots taken
        slots.acquire(true);

        first.close();
        third.join();
        assertThat(third.acquired.get()).isTrue();
        // Four under way, the most there may be: the next waits, calls only or not.
        Waiter fifth = Waiter.start(slots, true);
        assertThat(fifth.blocked()).isTrue();
    }

    @Test
    void runsOneTaskAtATimeWhenTheConcurrencyIsOne() throws Exception {
        TaskSlots slots = new TaskSlots(1);
        TaskSlots.Slot only = slots.acquire(true);

        assertThat(slots.places()).isEqualTo(1);
        Waiter second = Waiter.start(slots, true);
        assertThat(second.blocked()).isTrue();
        only.close();
        second.join();
        assertThat(second.acquired.get()).isTrue();
    }

    @Test
    void givesTheSlotBackWhenInterruptedWhileWaitingForAPlace() throws Exception {
        TaskSlots slots = new TaskSlots(2);
        List<TaskSlots.Slot> places = List.of(slots.acquire(true), slots.acquire(true), slots.acquire(true),
                slots.acquire(true));

        Waiter waiting = Waiter.start(slots, false); // gets a slot, then waits for one of the four places
        assertThat(waiting.blocked()).isTrue();
        waiting.thread.interrupt();
        waiting.thread.join();
        assertThat(waiting.acquired.get()).isFalse();
        places.forEach(TaskSlots.Slot::close);

        // Both slots are free again: had the interrupted task kept its slot, the second would wait.
        slots.acquire(false);
        Waiter second = Waiter.start(slots, false);
        assertThat(second.blocked()).isFalse();
        second.thread.join();
        assertThat(second.acquired.get()).isTrue();
    }

    /** A thread that acquires a slot and says whether it got it. */
    private static final class Waiter {
        final AtomicBoolean acquired = new AtomicBoolean();
        final Thread thread;

        private Waiter(TaskSlots slots, boolean callsOnly) {
            thread = new Thread(() -> {
                try {
                    slots.acquire(callsOnly);
                    acquired.set(true);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            thread.setDaemon(true);
        }

        static Waiter start(TaskSlots slots, boolean callsOnly) {
            Waiter waiter = new Waiter(slots, callsOnly);
            waiter.thread.start();
            return waiter;
        }

        /** @return true once the thread waits in acquire; false when it got through instead */
        boolean blocked() {
            while (!acquired.get()) {
                Thread.State state = thread.getState();
                if (state == Thread.State.WAITING) {
                    return true;
                }
                if (state == Thread.State.TERMINATED) {
                    return false;
                }
                Thread.onSpinWait();
            }
            return false;
        }

        void join() throws InterruptedException {
            thread.join();
        }
    }
}
