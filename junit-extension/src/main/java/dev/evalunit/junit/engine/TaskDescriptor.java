package dev.evalunit.junit.engine;

import dev.evalunit.report.TaskKey;
import dev.evalunit.report.TaskRecord;
import dev.evalunit.report.TaskOutcome;
import dev.evalunit.run.TaskRecords;
import dev.evalunit.run.TaskVersion;
import dev.evalunit.run.TaskResult;
import dev.evalunit.task.Task;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * One task against one model, run as one test: passes when enough trials pass, fails with an
 * assertion error listing every failed check, and errors (a non-assertion exception) when it
 * could not be scored. Its result is appended to the run's results file as soon as it finishes.
 */
final class TaskDescriptor extends AbstractTestDescriptor implements Node<EvalUnitExecutionContext> {

    private final Task task;
    private final String suite;

    TaskDescriptor(UniqueId uniqueId, Task task, String suite, Optional<String> model) {
        super(uniqueId, model.map(name -> task.id() + " [" + name + "]").orElse(task.id()), Sources.of(task.source()));
        this.task = task;
        this.suite = suite;
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }

    @Override
    public Set<TestTag> getTags() {
        Set<TestTag> tags = new LinkedHashSet<>();
        for (String tag : task.tags()) {
            if (TestTag.isValid(tag)) {
                tags.add(TestTag.create(tag));
            }
        }
        return tags;
    }

    @Override
    public EvalUnitExecutionContext execute(EvalUnitExecutionContext context, DynamicTestExecutor dynamicTestExecutor)
            throws InterruptedException {
        // The version hashes the task file again: only a resumed run needs it before the task runs.
        Optional<TaskRecord> earlier = context.report().resuming()
                ? context.report().earlier(new TaskKey(suite, task.id(), context.model().name()), TaskVersion.of(task))
                : Optional.empty();
        if (earlier.isPresent()) {
            return resumed(earlier.get(), context);
        }
        TaskResult result;
        long start = System.nanoTime();
        try (TaskSlots.Slot slot = context.slots().acquire(context.model().callsOnly(task))) {
            context.monitor().checkConfiguration();
            Optional<String> refused = context.monitor().refuseStart();
            if (refused.isPresent()) {
                // Not a score: the task never ran. Skipped, and the summary says the run was cut short.
                throw new TestAbortedException("not started: " + refused.get());
            }
            result = context.runner().run(task, context.model(), context.graders());
        }
        long durationMs = (System.nanoTime() - start) / 1_000_000;
        TaskRecord record = TaskRecords.of(result, suite, task.source().path(), durationMs, context.model()::redact);
        context.report().record(record);
        context.monitor().finished(record, result, context.model()::redact);
        switch (result.outcome()) {
            case PASSED:
                return context;
            case FAILED:
                throw Stackless.of(new AssertionFailedError(result.failureReport()));
            default:
                Throwable cause = result.trials().stream()
                        .filter(trial -> trial.error().isPresent())
                        .map(trial -> trial.error().get())
                        .findFirst().orElse(null);
                throw Stackless.of(new TaskErrorException(result.errorReport(), cause));
        }
    }

    /**
     * A task an earlier, stopped build already scored, unchanged since: its result is carried into
     * this build and reported to JUnit as it was, so Surefire's counts and the summary still agree.
     */
    private EvalUnitExecutionContext resumed(TaskRecord earlier, EvalUnitExecutionContext context) {
        context.report().record(earlier);
        if (earlier.status() == TaskOutcome.PASSED) {
            return context;
        }
        throw new AssertionFailedError(ResumedFailure.message(earlier));
    }
}
