package dev.evalunit.model;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

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
}
