package dev.evalunit.model;

import dev.evalunit.config.Constants;
import dev.evalunit.config.Durations;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.ChatRequestOptions;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Retries a model's transient faults (see {@link EndpointFault}) with backoff, within the trial's
 * deadline and at most {@code evalunit.retries} times, each attempt under the run's
 * {@link AdaptiveCallLimit}: taken by the HTTP client when the request goes out for a model that
 * allows it ({@link WirePlacedChatModel}, see {@link CallPlace}), around the whole attempt for any
 * other. Waiting for that place stops the trial's clock ({@link TrialClock}), on which the deadline
 * runs. A permanent fault is reported at once with what to fix; once the
 * retries are spent, the error says what the endpoint answered at every attempt.
 *
 * <p>Works on any LangChain4j {@link ChatModel}: the facts come from the exceptions providers
 * throw. A retry is an event on the call's {@code chat} span, so a retried call still makes one
 * span.
 */
final class RetryingChatModel extends DecoratingChatModel {

    static final String RETRY_EVENT = "evalunit.retry";

    /** Attempts bounded by a call timeout run here; daemons, so an abandoned attempt never keeps the JVM alive. */
    private static final ExecutorService CALLS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "evalunit-model-call");
        thread.setDaemon(true);
        return thread;
    });
    private static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("evalunit.attempt");
    private static final AttributeKey<Long> WAIT_MS = AttributeKey.longKey("evalunit.retry.wait_ms");
    private static final AttributeKey<String> ANSWER = AttributeKey.stringKey("evalunit.endpoint.answer");

    /** Waits between attempts; tests substitute one that only records. */
    @FunctionalInterface
    interface Sleeper {
        Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

        void sleep(Duration duration) throws InterruptedException;
    }

    private final int retries;
    private final Backoff backoff;
    private final Sleeper sleeper;
    private final AdaptiveCallLimit limit;
    private final EndpointAdvice advice;
    private final TrialClock clock;
    private final long deadlineNanos;
    private final boolean placedAtWire;
    private final Optional<Duration> callTimeout;

    RetryingChatModel(ChatModel delegate, int retries, Backoff backoff, Sleeper sleeper, AdaptiveCallLimit limit,
            EndpointAdvice advice, TrialClock clock, long deadlineNanos) {
        this(delegate, retries, backoff, sleeper, limit, advice, clock, deadlineNanos, Optional.empty());
    }

    /**
     * @param clock the trial's clock, on which {@code deadlineNanos} is
     * @param callTimeout how long one attempt may wait for an answer once it has its place among the
     *        calls in flight; empty for no bound but the trial's deadline
     */
    RetryingChatModel(ChatModel delegate, int retries, Backoff backoff, Sleeper sleeper, AdaptiveCallLimit limit,
            EndpointAdvice advice, TrialClock clock, long deadlineNanos, Optional<Duration> callTimeout) {
        super(delegate);
        this.callTimeout = Objects.requireNonNull(callTimeout, "callTimeout");
        if (retries < 0) {
            throw new IllegalArgumentException("retries must not be negative: " + retries);
        }
        this.retries = retries;
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.limit = Objects.requireNonNull(limit, "limit");
        this.advice = Objects.requireNonNull(advice, "advice");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.deadlineNanos = deadlineNanos;
        this.placedAtWire = delegate instanceof WirePlacedChatModel;
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        return withRetries(() -> delegate.chat(request));
    }

    @Override
    public ChatResponse chat(ChatRequest request, ChatRequestOptions options) {
        return withRetries(() -> delegate.chat(request, options));
    }

    private ChatResponse withRetries(Supplier<ChatResponse> call) {
        List<String> answers = new ArrayList<>();
        for (int attempt = 1; ; attempt++) {
            RuntimeException error;
            EndpointFault fault;
            CallPlace place = placedAtWire ? new CallPlace(limit, clock) : null;
            try (CallPlace.Taken whole = place != null ? CallPlace.NONE : acquire()) {
                try {
                    ChatResponse response = place != null ? bounded(() -> place.attempt(call), place) : bounded(call, null);
                    (place != null ? place.taken() : whole).succeeded();
                    return response;
                } catch (RuntimeException e) {
                    error = e;
                    fault = EndpointFault.of(e);
                    if (fault.rateLimited()) {
                        (place != null ? place.taken() : whole).rateLimited();
                    }
                }
            }
            if (fault.kind() == EndpointFault.Kind.INTERRUPTED || Thread.currentThread().isInterrupted()
                    || fault.kind() == EndpointFault.Kind.OTHER) {
                throw error;
            }
            if (fault.kind() == EndpointFault.Kind.PERMANENT) {
                throw new ModelCallException(advice.explain(fault), error);
            }
            answers.add(fault.answer());
            if (attempt > retries) {
                throw new ModelCallException(gaveUp(answers), error);
            }
            Duration wait = backoff.before(attempt, fault.retryAfter());
            long left = deadlineNanos - clock.getAsLong();
            if (wait.toNanos() >= left) {
                throw new ModelCallException(gaveUp(answers) + "; the next attempt would wait "
                        + roughly(fault.retryAfter().orElse(wait))
                        + (fault.retryAfter().isPresent() ? " (the endpoint's Retry-After)" : "")
                        + ", past the trial's deadline", error);
            }
            Span.current().addEvent(RETRY_EVENT, Attributes.of(ATTEMPT, (long) attempt, WAIT_MS, wait.toMillis(),
                    ANSWER, fault.brief()));
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                CancellationException stopped = new CancellationException(
                        "stopped while waiting to retry a model call: the trial's deadline passed");
                stopped.initCause(error);
                throw stopped;
            }
        }
    }

    /**
     * Runs one attempt, bounded by {@code evalunit.call-timeout} from when it has its place among
     * the calls in flight: past it the attempt is abandoned (its thread interrupted) and counts as a
     * transient fault, so it is retried like a refused connection. The attempt runs on a thread of
     * its own, in the caller's OpenTelemetry context.
     *
     * @param place the place the attempt's HTTP client takes; {@code null} when it holds one already
     */
    private ChatResponse bounded(Supplier<ChatResponse> call, CallPlace place) {
        if (callTimeout.isEmpty()) {
            return call.get();
        }
        Future<ChatResponse> attempt = CALLS.submit(io.opentelemetry.context.Context.current().wrap(call::get));
        try {
            if (place != null) {
                place.awaitPlaced();
            }
            return attempt.get(callTimeout.get().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            attempt.cancel(true);
            throw new CallTimeoutException(callTimeout.get());
        } catch (InterruptedException e) {
            attempt.cancel(true);
            Thread.currentThread().interrupt();
            throw new CancellationException("stopped while waiting for a model call: the trial's deadline passed");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    private static String roughly(Duration wait) {
        return wait.compareTo(Duration.ofSeconds(1)) < 0 ? Durations.format(wait.plusMillis(wait.isZero() ? 1 : 0))
                : Durations.format(Duration.ofSeconds(Math.round(wait.toMillis() / 1000.0)));
    }

    private AdaptiveCallLimit.Permit acquire() {
        try {
            return limit.acquire(clock);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("stopped while waiting for a place among the model calls in flight");
        }
    }

    /**
     * E.g. {@code gave up after 4 attempts (evalunit.retries=3); the endpoint answered: HTTP 500: ...
     * (attempts 1, 2, 4); HTTP 429: ... (attempt 3)}.
     */
    private String gaveUp(List<String> answers) {
        Map<String, List<Integer>> attemptsByAnswer = new LinkedHashMap<>();
        for (int i = 0; i < answers.size(); i++) {
            attemptsByAnswer.computeIfAbsent(answers.get(i), answer -> new ArrayList<>()).add(i + 1);
        }
        String answered;
        if (attemptsByAnswer.size() == 1) {
            answered = answers.get(0) + (answers.size() == 1 ? "" : " (every attempt)");
        } else {
            answered = attemptsByAnswer.entrySet().stream()
                    .map(entry -> entry.getKey() + " (attempt" + (entry.getValue().size() == 1 ? " " : "s ")
                            + entry.getValue().stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")")
                    .collect(Collectors.joining("; "));
        }
        return "gave up after " + answers.size() + (answers.size() == 1 ? " attempt" : " attempts") + " ("
                + Constants.RETRIES_PROPERTY_NAME + "=" + retries + "); the endpoint answered: " + answered;
    }
}
