package dev.evalunit.model;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The trial's clock runs with the real one, except while the trial's calls wait for a place. */
class TrialClockTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final TrialClock clock = new TrialClock(now::get);

    @Test
    void stopsWhileACallWaitsForAPlaceAndRunsOnOnceItHasOne() {
        assertThat(clock.getAsLong()).isEqualTo(1_000);
        clock.waiting();
        now.addAndGet(500);
        assertThat(clock.getAsLong()).isEqualTo(1_000);
        clock.placed();
        now.addAndGet(20);

        assertThat(clock.getAsLong()).isEqualTo(1_020);
    }

    @Test
    void stopsOnceWhileSeveralCallsOfTheTrialWaitAtOnce() {
        clock.waiting();
        now.addAndGet(100);
        clock.waiting();
        now.addAndGet(100);
        clock.placed();
        now.addAndGet(100);
        assertThat(clock.getAsLong()).isEqualTo(1_000); // one call still waits
        clock.placed();
        now.addAndGet(7);

        assertThat(clock.getAsLong()).isEqualTo(1_007);
    }

    @Test
    void aPlaceWithoutAWaitIsABug() {
        assertThatThrownBy(clock::placed).isInstanceOf(IllegalStateException.class);
    }
}
