package dev.evalunit.run;

import org.apiguardian.api.API;

import dev.evalunit.check.Check;
import dev.evalunit.check.CheckResult;
import dev.evalunit.check.CheckUnscorableException;
import dev.evalunit.check.Evidence;
import dev.evalunit.check.WorkspaceChange;
import dev.evalunit.code.AgentWorkspace;
import dev.evalunit.code.CodeRun;
import dev.evalunit.code.CodeSpec;
import dev.evalunit.code.CodeTasksModule;
import dev.evalunit.code.CodeTrial;
import dev.evalunit.sandbox.Sandboxes;
import dev.evalunit.judge.Graders;
import dev.evalunit.judge.Judge;
import dev.evalunit.config.Constants;
import dev.evalunit.config.Durations;
import dev.evalunit.config.Settings;
import dev.evalunit.model.Agent;
import dev.evalunit.model.AgentBudgetSpent;
import dev.evalunit.model.GenAiAttributes;
import dev.evalunit.model.ModelBinding;
import dev.evalunit.model.ModelCalls;
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
import java.util.Map;
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
import java.util.function.LongSupplier;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * Runs a task against a model: each trial in its own trace, on a thread of its own, under a
 * deadline; then every check on the answer and the spans. Safe to use from several threads.
 *
 * @since 0.1.0
 */
@API(status = INTERNAL, since = "0.1.0")
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

    /** Trials run without a suite (the Jupiter extension's ask) have no judge unless one is given. */
    private static final Graders NO_JUDGE = Graders.withoutJudge(Judge.howToConfigure("this run"));

    private final Duration defaultTimeout;
    private final int maxToolCalls;
    private final ModelCalls modelCalls;
    private final String sandbox;

    /**
     * A runner whose model calls use the defaults: 3 retries, 4 calls in flight, no cassette.
     *
     * @param defaultTimeout the deadline of a trial whose task sets none; never {@code null}
     * @param maxToolCalls the most tool calls one trial may make
     */
    public TaskRunner(Duration defaultTimeout, int maxToolCalls) {
        this(defaultTimeout, maxToolCalls, ModelCalls.defaults());
    }

    /**
     * @param defaultTimeout the deadline of a trial whose task sets none; never {@code null}
     * @param maxToolCalls the most tool calls one trial may make
     * @param modelCalls how model calls are retried, limited and recorded, shared by every trial
     *        this runner runs; never {@code null}
     */
    public TaskRunner(Duration defaultTimeout, int maxToolCalls, ModelCalls modelCalls) {
        this(defaultTimeout, maxToolCalls, modelCalls, Constants.SANDBOX_DEFAULT);
    }

    /**
     * @param defaultTimeout the deadline of a trial whose task sets none; never {@code null}
     * @param maxToolCalls the most tool calls one trial may make
     * @param modelCalls see {@link #TaskRunner(Duration, int, ModelCalls)}; never {@code null}
     * @param sandbox where code tasks run the model's code: {@code bubblewrap} or {@code none}
     *        ({@link Constants#SANDBOX_PROPERTY_NAME}); never {@code null}
     * @throws IllegalArgumentException when {@code sandbox} is neither
     */
    public TaskRunner(Duration defaultTimeout, int maxToolCalls, ModelCalls modelCalls, String sandbox) {
        this.sandbox = Sandboxes.kind(Objects.requireNonNull(sandbox, "sandbox"));
        this.defaultTimeout = Objects.requireNonNull(defaultTimeout, "defaultTimeout");
        if (maxToolCalls < 1) {
            throw new IllegalArgumentException("maxToolCalls must be positive: " + maxToolCalls);
        }
        this.maxToolCalls = maxToolCalls;
        this.modelCalls = Objects.requireNonNull(modelCalls, "modelCalls");
    }

    /**
     * @return a runner configured by {@code evalunit.timeout}, {@code evalunit.max-tool-calls} and
     *         the keys of {@link ModelCalls#fromSettings}; make one per run, so the run's trials
     *         share one limit on model calls in flight
     * @throws IllegalArgumentException when a value does not parse; the message names the key
     */
    public static TaskRunner fromSettings(Settings settings) {
        String sandbox = Sandboxes.kind(settings.get(Constants.SANDBOX_PROPERTY_NAME, Constants.SANDBOX_DEFAULT));
        if (sandbox.equals(Constants.SANDBOX_NONE)) {
            System.err.println("[EvalUnit] WARNING: evalunit.sandbox=none: code tasks run the model's code"
                    + " UNCONFINED, as this user, with access to everything it can read, write and reach. Use it only"
                    + " inside a throwaway machine; summary.json records it and the gate's requireSandbox refuses it.");
        }
        return new TaskRunner(settings.duration(Constants.TIMEOUT_PROPERTY_NAME, Constants.TIMEOUT_DEFAULT),
                settings.positiveInt(Constants.MAX_TOOL_CALLS_PROPERTY_NAME, Constants.MAX_TOOL_CALLS_DEFAULT),
                ModelCalls.fromSettings(settings), sandbox);
    }

    /** @return where code tasks run the model's code: {@code bubblewrap} or {@code none} */
    public String sandbox() {
        return sandbox;
    }

    /**
     * Runs every trial of {@code task}, one after the other.
     *
     * @param task the task; never {@code null}
     * @param model the model under test; never {@code null}
     * @return the result; never {@code null}
     */
    public TaskResult run(Task task, ModelBinding model) {
        return run(task, model, NO_JUDGE);
    }

    /**
     * Runs every trial of {@code task}, one after the other, with a judge and a similarity scorer
     * for the checks that need them.
     *
     * @param task the task; never {@code null}
     * @param model the model under test; never {@code null}
     * @param graders the suite's judge and similarity scorer; never {@code null}
     * @return the result; never {@code null}
     */
    public TaskResult run(Task task, ModelBinding model, Graders graders) {
        List<TrialResult> trials = new ArrayList<>();
        for (int trial = 1; trial <= task.trials(); trial++) {
            trials.add(runTrial(task, model, trial, graders));
        }
        // An adaptive pass policy adds trials only while the ones so far leave the verdict open; an
        // error ends the task anyway, so no trial is added after one.
        while (trials.stream().noneMatch(TrialResult::errored)
                && task.pass().wantsAnotherTrial(passed(trials), trials.size())) {
            trials.add(runTrial(task, model, trials.size() + 1, graders));
        }
        return new TaskResult(task, model.name(), trials);
    }

    private static int passed(List<TrialResult> trials) {
        return (int) trials.stream().filter(TrialResult::passed).count();
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
        return runTrial(task, model, trial, NO_JUDGE);
    }

    /**
     * Runs one trial with a judge and a similarity scorer for the checks that need them.
     *
     * @param task the task; never {@code null}
     * @param model the model under test; never {@code null}
     * @param trial the trial's number, from 1
     * @param graders the suite's judge and similarity scorer; never {@code null}
     * @return the trial's result; never {@code null}
     */
    public TrialResult runTrial(Task task, ModelBinding model, int trial, Graders graders) {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(graders, "graders");
        Objects.requireNonNull(model, "model");
        // Before the model is asked anything: without evalunit-code-tasks the answer could not be built.
        Optional<String> missingModule = task.code().flatMap(code -> CodeTasksModule.problem(task.source()));
        if (missingModule.isPresent()) {
            return new TrialResult(trial, "", List.of(), Optional.empty(),
                    Optional.of(new IllegalStateException(missingModule.get())), Duration.ZERO, List.of());
        }
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
            ModelCalls.Trial calls = modelCalls.trial(task, trial, model, timeout);
            // An agent task works in a workspace of its own, with its budgets.
            Optional<AgentWorkspace> workspace = task.code().filter(code -> code.agent().isPresent())
                    .map(code -> AgentWorkspace.open(code, sandbox));
            Optional<AgentBudget> budget = task.code().flatMap(CodeSpec::agent)
                    .map(agent -> new AgentBudget(agent, maxToolCalls, timeout, calls.clock()));
            try {
                return runTrial(task, model, trial, graders, timeout, start, spans, root, calls,
                        new TrialContext(task, spans, maxToolCalls, calls, workspace, budget), workspace);
            } finally {
                workspace.ifPresent(AgentWorkspace::close);
            }
        }
    }

    /**
     * Waits for the trial's answer until its deadline, which runs on the trial's clock: that stops
     * while its model calls wait for a place among the calls in flight (see
     * {@link ModelCalls.Trial#nanosLeft()}).
     *
     * @param timeout the trial's timeout, for the message
     * @param nanosLeft what is left of the trial's deadline
     * @throws TimeoutException once the trial has had its whole timeout
     */
    static <T> T awaitAnswer(Future<T> answer, Duration timeout, LongSupplier nanosLeft)
            throws InterruptedException, ExecutionException, TimeoutException {
        while (true) {
            long left = nanosLeft.getAsLong();
            if (left <= 0) {
                throw new TimeoutException("the trial's timeout, " + Durations.format(timeout) + ", passed");
            }
            try {
                return answer.get(left, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                // Its calls may have waited meanwhile, which the clock did not count: look again.
            }
        }
    }

    private TrialResult runTrial(Task task, ModelBinding model, int trial, Graders graders, Duration timeout,
                                 long start, TrialSpans spans, Span root, ModelCalls.Trial calls, TrialContext context,
                                 Optional<AgentWorkspace> workspace) {
        Context trialContext = Context.root().with(root);
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
            String text = awaitAnswer(answer, timeout, calls::nanosLeft);
            output = text == null ? "" : text;
        } catch (TimeoutException e) {
            InFlightSpans.Snapshot running = spans.inFlight(); // before the cancel ends them
            answer.cancel(true);
            if (task.timeout().isEmpty() && running.modelCallInFlight()) {
                // The run's default cut an unanswered call: the endpoint was slow, which is not a score.
                error = Optional.of(new TrialDeadlineException("stopped by " + Constants.TIMEOUT_PROPERTY_NAME
                        + "=" + Durations.format(timeout) + " while a model call was in flight; "
                        + running.describe() + ". An endpoint too slow to answer is not a score: raise "
                        + Constants.TIMEOUT_PROPERTY_NAME + ", bound each call with "
                        + Constants.CALL_TIMEOUT_PROPERTY_NAME + " so it is retried, or give the task a timeout"
                        + " of its own if its budget is part of the task"));
            } else {
                failure = Optional.of("timed out after " + Durations.format(timeout) + " ("
                        + (task.timeout().isPresent() ? "the task's timeout" : Constants.TIMEOUT_PROPERTY_NAME)
                        + "); " + running.describe());
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof ToolCallLimitExceeded || cause instanceof AgentBudgetSpent) {
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
        try {
            calls.finish();
        } catch (RuntimeException e) {
            if (error.isEmpty()) {
                error = Optional.of(e);
            }
        }
        if (failure.isPresent() || error.isPresent()) {
            root.setStatus(StatusCode.ERROR, failure.orElse("error"));
        }
        root.end();
        List<SpanData> captured = spans.finished();
        List<CheckResult> checks = new ArrayList<>();
        // Secrets out before any check quotes (and cuts) the text.
        Evidence evidence = new Evidence(model.redact(output), captured);
        if (failure.isEmpty() && error.isEmpty() && task.code().isPresent()) {
            // A code task: build the answer into the workspace, run it, and add the spans it exported.
            try {
                CodeRun run;
                if (workspace.isPresent()) {
                    // The agent's workspace as it left it, built and run the way a whole-file answer is.
                    Map<String, String> files = workspace.get().files();
                    run = CodeTrial.runFiles(task.code().get(), files, timeout, sandbox);
                    evidence = evidence.with(WorkspaceChange.class,
                            new WorkspaceChange(task.code().get().workspace(), files));
                } else {
                    run = CodeTrial.run(task.code().get(), output, timeout, sandbox);
                }
                run = run.redacted(model::redact);
                evidence = run.addTo(evidence);
                captured = evidence.spans();
                failure = run.failure();
            } catch (RuntimeException e) {
                error = Optional.of(RedactedException.of(e, model::redact));
            }
        }
        // Secrets out of the spans (the model's calls, the program's own) before any check quotes and cuts them.
        // Without a key there is nothing to take out: the spans are kept as they are, not walked.
        captured = model.redacts() ? RedactedSpans.of(evidence.spans(), model::redact) : evidence.spans();
        evidence = new Evidence(evidence.output(), captured, evidence.attachments());
        if (failure.isEmpty() && error.isEmpty()) {
            // Judge spans go to their own trace, after the trial's spans were taken: span checks never see them.
            evidence = graders.attachTo(evidence, task, root.getSpanContext(), spans.tracer());
            for (Check check : task.checks()) {
                try {
                    checks.add(check.evaluate(evidence));
                } catch (CheckUnscorableException e) {
                    // Nothing was graded (the judge failed or is missing): not a score, an error.
                    if (error.isEmpty()) {
                        error = Optional.of(RedactedException.of(e, model::redact));
                    }
                }
            }
        }
        List<CheckResult> redactedChecks = checks.stream().map(check -> new CheckResult(check.label(),
                check.passed(), model.redact(check.message()))).toList();
        return new TrialResult(trial, model.redact(output), redactedChecks, failure.map(model::redact), error,
                Duration.ofNanos(System.nanoTime() - start), captured, evidence);
    }
}
