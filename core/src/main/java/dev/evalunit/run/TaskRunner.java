package dev.evalunit.run;

import dev.evalunit.check.Check;
import dev.evalunit.check.CheckResult;
import dev.evalunit.check.Evidence;
import dev.evalunit.config.Constants;
import dev.evalunit.config.Durations;
import dev.evalunit.config.Settings;
import dev.evalunit.model.Agent;
import dev.evalunit.model.GenAiAttributes;
import dev.evalunit.model.ModelBinding;
import dev.evalunit.model.ToolCallLimitExceeded;
import dev.evalunit.task.Task;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a task against a model: each trial in its own trace, on a thread of its own, under a
 * deadline; then every check on the answer and the spans. Safe to use from several threads.
 *
 * @since 0.1.0
 */
public final class TaskRunner {

    /** Trial threads are daemons: a model stuck past its deadline must not keep the JVM alive. */
    private static final ExecutorService TRIAL_THREADS = Executors.newCachedThreadPool(new ThreadFactory() {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable runnable) {
            Thread thread = new Thread(runnable, "evalunit-trial-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    });

    private final Duration defaultTimeout;
    private final int maxToolCalls;

    /**
     * @param defaultTimeout the deadline of a trial whose task sets none; never {@code null}
     * @param maxToolCalls the most tool calls one trial may make
     */
    public TaskRunner(Duration defaultTimeout, int maxToolCalls) {
        this.defaultTimeout = Objects.requireNonNull(defaultTimeout, "defaultTimeout");
        if (maxToolCalls < 1) {
            throw new IllegalArgumentException("maxToolCalls must be positive: " + maxToolCalls);
        }
        this.maxToolCalls = maxToolCalls;
    }

    /** @return a runner configured by {@code evalunit.timeout} and {@code evalunit.max-tool-calls} */
    public static TaskRunner fromSettings(Settings settings) {
        return new TaskRunner(settings.duration(Constants.TIMEOUT_PROPERTY_NAME, Constants.TIMEOUT_DEFAULT),
                settings.positiveInt(Constants.MAX_TOOL_CALLS_PROPERTY_NAME, Constants.MAX_TOOL_CALLS_DEFAULT));
    }

    /**
     * Runs every trial of {@code task}, one after the other.
     *
     * @param task the task; never {@code null}
     * @param model the model under test; never {@code null}
     * @return the result; never {@code null}
     */
    public TaskResult run(Task task, ModelBinding model) {
        List<TrialResult> trials = new ArrayList<>();
        for (int trial = 1; trial <= task.trials(); trial++) {
            trials.add(runTrial(task, model, trial));
        }
        return new TaskResult(task, model.name(), trials);
    }

    /**
     * Runs one trial.
     *
     * @param task the task; never {@code null}
     * @param model the model under test; never {@code null}
     * @param trial the trial's number, from 1
     * @return the trial's result; never {@code null}
     */
    public TrialResult runTrial(Task task, ModelBinding model, int trial) {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(model, "model");
        Duration timeout = task.timeout().orElse(defaultTimeout);
        long start = System.nanoTime();
        try (TrialSpans spans = new TrialSpans()) {
            Span root = spans.tracer().spanBuilder(GenAiAttributes.OPERATION_INVOKE_AGENT + " " + model.name())
                    .setNoParent()
                    .setSpanKind(SpanKind.INTERNAL)
                    .setAttribute(GenAiAttributes.OPERATION_NAME, GenAiAttributes.OPERATION_INVOKE_AGENT)
                    .setAttribute(GenAiAttributes.AGENT_NAME, model.name())
                    .setAttribute(GenAiAttributes.EVALUNIT_TASK_ID, task.id())
                    .setAttribute(GenAiAttributes.EVALUNIT_TRIAL, (long) trial)
                    .startSpan();
            Context trialContext = Context.root().with(root);
            TrialContext context = new TrialContext(task, spans, maxToolCalls);
            String output = "";
            Optional<String> failure = Optional.empty();
            Optional<Throwable> error = Optional.empty();
            Future<String> answer = null;
            try {
                Agent agent = model.agentFor(task);
                answer = TRIAL_THREADS.submit(() -> {
                    try (Scope ignored = trialContext.makeCurrent()) {
                        return agent.answer(context);
                    }
                });
                String text = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                output = text == null ? "" : text;
            } catch (TimeoutException e) {
                answer.cancel(true);
                failure = Optional.of("timed out after " + Durations.format(timeout)
                        + " (the task's timeout, else evalunit.timeout)");
            } catch (ExecutionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                if (cause instanceof ToolCallLimitExceeded) {
                    failure = Optional.of(cause.getMessage());
                } else {
                    error = Optional.of(RedactedException.of(cause, model::redact));
                }
            } catch (InterruptedException e) {
                answer.cancel(true);
                Thread.currentThread().interrupt();
                error = Optional.of(new CancellationException("the run was interrupted"));
            } catch (RuntimeException e) {
                error = Optional.of(RedactedException.of(e, model::redact));
            }
            if (failure.isPresent() || error.isPresent()) {
                root.setStatus(StatusCode.ERROR, failure.orElse("error"));
            }
            root.end();
            List<SpanData> captured = spans.finished();
            List<CheckResult> checks = new ArrayList<>();
            if (failure.isEmpty() && error.isEmpty()) {
                Evidence evidence = new Evidence(output, captured);
                for (Check check : task.checks()) {
                    checks.add(check.evaluate(evidence));
                }
            }
            return new TrialResult(trial, output, checks, failure, error,
                    Duration.ofNanos(System.nanoTime() - start), captured);
        }
    }
}
