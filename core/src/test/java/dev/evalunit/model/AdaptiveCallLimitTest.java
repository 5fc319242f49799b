package dev.evalunit.model;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class AdaptiveCallLimitTest {

    @Test
    void halvesOnceForABurstOf429sFromCallsSentUnderTheSameLimit() throws InterruptedException {
        AdaptiveCallLimit limit = new AdaptiveCallLimit(16);
        List<AdaptiveCallLimit.Permit> burst = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            burst.add(limit.acquire());
        }

        for (AdaptiveCallLimit.Permit permit : burst) {
            permit.rateLimited();
            permit.close();
        }

        assertThat(limit.limit()).isEqualTo(8);
        try (AdaptiveCallLimit.Permit later = limit.acquire()) {
            later.rateLimited();
        }
        assertThat(limit.limit()).isEqualTo(4);
    }

    @Test
    void neverGoesBelowOneCall() throws InterruptedException {
        AdaptiveCallLimit limit = new AdaptiveCallLimit(2);
        for (int i = 0; i < 5; i++) {
            try (AdaptiveCallLimit.Permit permit = limit.acquire()) {
                permit.rateLimited();
            }
        }

        assertThat(limit.limit()).isEqualTo(1);
    }

    @Test
    void growsByOneForEachSuccessBackToTheCeiling() throws InterruptedException {
        AdaptiveCallLimit limit = new AdaptiveCallLimit(8);
        try (AdaptiveCallLimit.Permit permit = limit.acquire()) {
            permit.rateLimited();
        }
        assertThat(limit.limit()).isEqualTo(4);

        succeed(limit, 1);
        assertThat(limit.limit()).isEqualTo(5);
        succeed(limit, 3);
        assertThat(limit.limit()).isEqualTo(8);
        succeed(limit, 100);
        assertThat(limit.limit()).isEqualTo(8);
    }

    @Test
    void holdsCallsBackWhileTheLimitIsFull() throws Exception {
        AdaptiveCallLimit limit = new AdaptiveCallLimit(2);
        try (AdaptiveCallLimit.Permit first = limit.acquire()) {
            first.rateLimited();
            assertThat(limit.limit()).isEqualTo(1);

            CompletableFuture<Integer> waiting = CompletableFuture.supplyAsync(() -> {
                try (AdaptiveCallLimit.Permit second = limit.acquire()) {
                    return limit.inFlight();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });

            assertThat(waiting).isNotDone();
            assertThat(limit.inFlight()).isEqualTo(1);
            first.close();
            assertThat(waiting.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        }
        assertThat(limit.inFlight()).isZero();
    }

    private static void succeed(AdaptiveCallLimit limit, int calls) throws InterruptedException {
        for (int i = 0; i < calls; i++) {
            try (AdaptiveCallLimit.Permit permit = limit.acquire()) {
                permit.succeeded();
            }
        }
    }
    @Test
    void aCallThatWaitsForAPlaceStopsItsTrialsClockUntilItHasOne() throws Exception {
        AdaptiveCallLimit limit = new AdaptiveCallLimit(1);
        AtomicLong now = new AtomicLong(0);
        TrialClock clock = new TrialClock(now::get);
        AdaptiveCallLimit.Permit held = limit.acquire();
        CompletableFuture<AdaptiveCallLimit.Permit> waiter = CompletableFuture.supplyAsync(() -> {
            try {
                return limit.acquire(clock);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        while (limit.waiting() == 0) {
            Thread.onSpinWait();
        }

        now.set(5_000);
        assertThat(clock.getAsLong()).isZero();
        held.close();
        waiter.get(30, TimeUnit.SECONDS).close();
        now.addAndGet(40);

        assertThat(clock.getAsLong()).isEqualTo(40);
        assertThat(limit.waiting()).isZero();
    }

    @Test
    void aCallWithRoomLeavesItsTrialsClockRunning() throws InterruptedException {
        AdaptiveCallLimit limit = new AdaptiveCallLimit(2);
        AtomicLong now = new AtomicLong(0);
        TrialClock clock = new TrialClock(now::get);

        try (AdaptiveCallLimit.Permit permit = limit.acquire(clock)) {
            now.set(300);
            assertThat(clock.getAsLong()).isEqualTo(300);
        }
    }
}
