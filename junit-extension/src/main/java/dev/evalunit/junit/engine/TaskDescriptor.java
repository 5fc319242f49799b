package dev.evalunit.junit.engine;

import dev.evalunit.report.TaskRecord;
import dev.evalunit.run.TaskRecords;
import dev.evalunit.run.TaskResult;
import dev.evalunit.task.Task;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;
import org.opentest4j.AssertionFailedError;

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
        TaskResult result;
        long start = System.nanoTime();
        context.inFlight().acquire();
        try {
            result = context.runner().run(task, context.model(), context.graders());
        } finally {
            context.inFlight().release();
        }
        long durationMs = (System.nanoTime() - start) / 1_000_000;
        context.report().record(TaskRecords.of(result, suite, task.source().path(), durationMs));
        switch (result.outcome()) {
            case PASSED:
                return context;
            case FAILED:
                throw new AssertionFailedError(result.failureReport());
            default:
                Throwable cause = result.trials().stream()
                        .filter(trial -> trial.error().isPresent())
                        .map(trial -> trial.error().get())
                        .findFirst().orElse(null);
                throw new TaskErrorException(result.errorReport(), cause);
        }
    }
}
