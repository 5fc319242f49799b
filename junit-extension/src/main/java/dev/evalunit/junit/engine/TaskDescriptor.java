package dev.evalunit.junit.engine;

import dev.evalunit.run.TaskResult;
import dev.evalunit.task.Task;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;
import org.opentest4j.AssertionFailedError;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One task, run as one test: passes when enough trials pass, fails with an assertion error listing
 * every failed check, and errors (a non-assertion exception) when it could not be scored.
 */
final class TaskDescriptor extends AbstractTestDescriptor implements Node<EvalUnitExecutionContext> {

    private final Task task;
    private final String suiteName;

    TaskDescriptor(UniqueId uniqueId, Task task, String suiteName) {
        super(uniqueId, task.id(), Sources.of(task.source()));
        this.task = task;
        this.suiteName = suiteName;
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
        context.inFlight().acquire();
        try {
            result = context.runner().run(task, context.model());
        } finally {
            context.inFlight().release();
        }
        context.tally().add(suiteName, result.model(), result.outcome());
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
