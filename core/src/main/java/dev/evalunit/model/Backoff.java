package dev.evalunit.model;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long to wait before a retry: the first delay doubled at each retry up to a ceiling, with
 * jitter so calls refused together do not come back together; or, when the endpoint sent
 * {@code Retry-After}, that long plus a little jitter.
 *
 * @param first the wait before the first retry, before jitter
 * @param ceiling the longest wait computed by doubling
 */
record Backoff(Duration first, Duration ceiling) {

    /** The longest wait reached by doubling; a Retry-After may ask for more (the trial's deadline bounds it). */
    static final Duration CEILING = Duration.ofSeconds(30);

    Backoff {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(ceiling, "ceiling");
        if (first.isNegative() || ceiling.compareTo(first) < 0) {
            throw new IllegalArgumentException("need 0 <= first <= ceiling: " + first + ", " + ceiling);
        }
    }

    /**
     * @param retry the retry about to be made, from 1
     * @param retryAfter what the endpoint asked for, if it did
     * @return the wait
     */
    Duration before(int retry, Optional<Duration> retryAfter) {
        long firstMillis = first.toMillis();
        if (retryAfter.isPresent()) {
            // Honour it, and spread the calls that were refused together over a little time after it.
            return retryAfter.get().plusMillis(random(firstMillis / 2 + 1));
        }
        long exponential = firstMillis << Math.min(retry - 1, 30);
        long capped = Math.min(ceiling.toMillis(), exponential < 0 ? Long.MAX_VALUE : exponential);
        // "Equal jitter": at least half the exponential wait, at most all of it.
        return Duration.ofMillis(capped / 2 + random(capped / 2 + 1));
    }

    private static long random(long bound) {
        return bound <= 1 ? 0 : ThreadLocalRandom.current().nextLong(bound);
    }
}
