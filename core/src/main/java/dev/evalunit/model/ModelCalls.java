package dev.evalunit.model;

import org.apiguardian.api.API;

import dev.evalunit.config.Constants;
import dev.evalunit.config.Settings;
import dev.evalunit.task.Task;
import dev.langchain4j.model.chat.ChatModel;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * How a run makes its model calls: every call to a model under test is retried on transient
 * faults ({@code evalunit.retries}, {@code evalunit.retries.backoff}), held back while the endpoint
 * rate-limits (an adaptive limit per model, up to {@code evalunit.concurrency} calls in flight,
 * shared by every trial of the run), and recorded or replayed ({@code evalunit.cassette}).
 *
 * <p>The runner makes one per run and asks it for each trial's view, {@link #trial}; agents see
 * all of it through {@link AgentContext#traced(ChatModel)}. Built-in models (oracle, nop) are
 * left alone: they have no endpoint.
 *
 * @since 0.1.0
 */
@API(status = INTERNAL, since = "0.1.0")
public final class ModelCalls {

    private final int retries;
    private final Backoff backoff;
    private final RetryingChatModel.Sleeper sleeper;
    private final int concurrency;
    private final Cassette cassette;
    private final LongSupplier nanoTime;
    private final Map<String, AdaptiveCallLimit> limits = new ConcurrentHashMap<>();
    private final Optional<Duration> callTimeout;

    ModelCalls(int retries, Backoff backoff, RetryingChatModel.Sleeper sleeper, int concurrency, Cassette cassette,
            LongSupplier nanoTime) {
        this(retries, backoff, sleeper, concurrency, cassette, nanoTime, Optional.empty());
    }

    ModelCalls(int retries, Backoff backoff, RetryingChatModel.Sleeper sleeper, int concurrency, Cassette cassette,
            LongSupplier nanoTime, Optional<Duration> callTimeout) {
        this.callTimeout = Objects.requireNonNull(callTimeout, "callTimeout");
        if (retries < 0) {
            throw new IllegalArgumentException("retries must not be negative: " + retries);
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be positive: " + concurrency);
        }
        this.retries = retries;
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.concurrency = concurrency;
        this.cassette = Objects.requireNonNull(cassette, "cassette");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    /** @return the defaults of every key: 3 retries from 500ms, 4 calls in flight, no cassette */
    public static ModelCalls defaults() {
        return fromSettings(Settings.from(key -> Optional.empty()));
    }

    /**
     * @param settings the run's configuration; never {@code null}
     * @return the run's model calls, configured by {@code evalunit.retries},
     *         {@code evalunit.retries.backoff}, {@code evalunit.concurrency}, {@code evalunit.cassette}
     *         and {@code evalunit.cassette.dir}
     * @throws IllegalArgumentException when a value does not parse; the message names the key
     */
    public static ModelCalls fromSettings(Settings settings) {
        Objects.requireNonNull(settings, "settings");
        Duration first = settings.duration(Constants.RETRIES_BACKOFF_PROPERTY_NAME, Constants.RETRIES_BACKOFF_DEFAULT);
        return new ModelCalls(retries(settings),
                new Backoff(first, first.compareTo(Backoff.CEILING) > 0 ? first : Backoff.CEILING),
                RetryingChatModel.Sleeper.REAL,
                settings.positiveInt(Constants.CONCURRENCY_PROPERTY_NAME, Constants.CONCURRENCY_DEFAULT),
                new Cassette(CassetteMode.from(settings),
                        settings.get(Constants.CASSETTE_DIR_PROPERTY_NAME, Constants.CASSETTE_DIR_DEFAULT)),
                System::nanoTime,
                Optional.of(settings.duration(Constants.CALL_TIMEOUT_PROPERTY_NAME, Constants.CALL_TIMEOUT_DEFAULT)));
    }

    private static int retries(Settings settings) {
        String value = settings.get(Constants.RETRIES_PROPERTY_NAME).orElse(null);
        if (value == null) {
            return Constants.RETRIES_DEFAULT;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= 0) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("Configuration " + Constants.RETRIES_PROPERTY_NAME + "=" + value
                + " is not a number of retries; set it to a whole number, 0 or more, such as "
                + Constants.RETRIES_DEFAULT + ", or remove it to use the default");
    }

    /**
     * @param task the task being run; never {@code null}
     * @param trial the trial's number, from 1
     * @param model the model under test; never {@code null}
     * @param timeout the trial's deadline, from now on its {@linkplain Trial#clock() clock}; retries never wait
     *        past it; never {@code null}
     * @return how this trial's model calls are made
     */
    public Trial trial(Task task, int trial, ModelBinding model, Duration timeout) {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(timeout, "timeout");
        TrialClock clock = new TrialClock(nanoTime);
        long deadline = clock.getAsLong() + Math.min(timeout.toNanos(), Long.MAX_VALUE / 4);
        Optional<TrialCassette> recording = cassette.mode() == CassetteMode.OFF ? Optional.empty()
                : Optional.of(cassette.trial(task, trial, model.name()));
        return new Trial(recording, model.advice(),
                limits.computeIfAbsent(model.name(), name -> new AdaptiveCallLimit(concurrency)), clock, deadline);
    }

    /** @return how many calls to {@code model} wait for a place among the calls in flight now; for tests */
    int callsWaiting(String model) {
        return limits.computeIfAbsent(model, name -> new AdaptiveCallLimit(concurrency)).waiting();
    }

    /** @return how many calls to {@code model} may be in flight now; for tests */
    int callsAllowed(String model) {
        return limits.computeIfAbsent(model, name -> new AdaptiveCallLimit(concurrency)).limit();
    }

    /** How the model calls of one trial are made; valid for that trial only. */
    public final class Trial {

        private final Optional<TrialCassette> cassette;
        private final EndpointAdvice advice;
        private final AdaptiveCallLimit limit;
        private final TrialClock clock;
        private final long deadlineNanos;

        private Trial(Optional<TrialCassette> cassette, EndpointAdvice advice, AdaptiveCallLimit limit, TrialClock clock,
                long deadlineNanos) {
            this.cassette = cassette;
            this.advice = advice;
            this.limit = limit;
            this.clock = clock;
            this.deadlineNanos = deadlineNanos;
        }

        /**
         * @return the trial's clock, in nanoseconds: {@link System#nanoTime()}, stopped while its calls
         *         wait for a place among the calls in flight (the run's concurrency or an endpoint's
         *         rate limit holding them back, not the model); its deadline and budgets run on it
         */
        public LongSupplier clock() {
            return clock;
        }

        /**
         * @return what is left of the trial's deadline on its {@linkplain #clock() clock}, in
         *         nanoseconds; zero or less once it has passed
         */
        public long nanosLeft() {
            return deadlineNanos - clock.getAsLong();
        }

        /**
         * @param model a model the trial calls; never {@code null}
         * @return {@code model}, its calls retried, limited and recorded or replayed as configured
         */
        public ChatModel wrap(ChatModel model) {
            Objects.requireNonNull(model, "model");
            if (model instanceof BuiltInModel) {
                return model;
            }
            ChatModel retrying = new RetryingChatModel(model, retries, backoff, sleeper, limit, advice, clock,
                    deadlineNanos, callTimeout);
            return cassette.map(recording -> recording.wrap(retrying)).orElse(retrying);
        }

        /**
         * Ends the trial's calls: in {@code record} mode, writes its recording.
         *
         * @throws RuntimeException when the recording cannot be written; the message says where
         */
        public void finish() {
            cassette.ifPresent(TrialCassette::finish);
        }
    }
}
