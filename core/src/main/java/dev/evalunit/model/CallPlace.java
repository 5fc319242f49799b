package dev.evalunit.model;

import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/**
 * One attempt's place among the model calls in flight ({@link AdaptiveCallLimit}), taken as late
 * as the model allows. For a model EvalUnit builds itself ({@link WirePlacedChatModel}: the
 * {@code openai} model) its HTTP client takes the place just before the request is sent and gives
 * it back once the answer has been read ({@link RetryAfterHttpClient#send}): LangChain4j's building
 * of the request and parsing of the answer never hold a place, and a call that waits for one waits
 * with its request ready. Any other model's attempt holds its place from start to end, taken by
 * {@link RetryingChatModel}.
 *
 * <p>The attempt runs on one thread ({@link #attempt}); the HTTP client finds the place there
 * ({@link #take}). A thread that runs no attempt, such as a client used on its own, takes none.
 */
final class CallPlace {

    /** A place taken: the limit learns the call's outcome from it; closing it gives the place back. */
    interface Taken extends AutoCloseable {

        void succeeded();

        void rateLimited();

        @Override
        void close();
    }

    /** No place: what a call outside any attempt takes, and an attempt's outcome before it took one. */
    static final Taken NONE = new Taken() {
        @Override
        public void succeeded() {
        }

        @Override
        public void rateLimited() {
        }

        @Override
        public void close() {
        }
    };

    private static final ThreadLocal<CallPlace> ATTEMPT = new ThreadLocal<>();

    private final AdaptiveCallLimit limit;
    private final TrialClock clock;
    /** Counted down once the attempt has its place, or has ended without one. */
    private final CountDownLatch settled = new CountDownLatch(1);
    private volatile Taken taken = NONE;

    CallPlace(AdaptiveCallLimit limit, TrialClock clock) {
        this.limit = Objects.requireNonNull(limit, "limit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Runs one attempt on this thread: the HTTP client's {@link #take} within it takes this place. */
    <T> T attempt(Supplier<T> call) {
        ATTEMPT.set(this);
        try {
            return call.get();
        } finally {
            ATTEMPT.remove();
            settled.countDown();
        }
    }

    /** Waits until the attempt has its place (its call's timeout starts then), or has ended without one. */
    void awaitPlaced() throws InterruptedException {
        settled.await();
    }

    /** @return the place the attempt took last, which learns its outcome; {@link #NONE} before it took one */
    Taken taken() {
        return taken;
    }

    /**
     * For the HTTP client, around sending a request and reading its answer: takes the place of the
     * attempt running on this thread, waiting for room under the limit (the trial's clock stopped
     * meanwhile).
     *
     * @return the place to close once the answer is read; {@link #NONE} on a thread running no attempt
     * @throws InterruptedException when the attempt is stopped while waiting
     */
    static Taken take() throws InterruptedException {
        CallPlace place = ATTEMPT.get();
        if (place == null) {
            return NONE;
        }
        Taken permit = place.limit.acquire(place.clock);
        place.taken = permit;
        place.settled.countDown();
        return permit;
    }
}
