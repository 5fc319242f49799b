package dev.evalunit.junit.engine;

import dev.evalunit.run.TaskOutcome;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * A task file, or a suite location, that could not be loaded: one test, named after it, that
 * errors with the message saying where and what to fix. The suite's other tasks still run.
 */
final class ProblemDescriptor extends AbstractTestDescriptor implements Node<EvalUnitExecutionContext> {

    private final RuntimeException problem;

    ProblemDescriptor(UniqueId uniqueId, String displayName, TestSource source, RuntimeException problem) {
        super(uniqueId, displayName, source);
        this.problem = problem;
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }

    @Override
    public EvalUnitExecutionContext execute(EvalUnitExecutionContext context, DynamicTestExecutor dynamicTestExecutor) {
        context.tally().add(getParent().map(TestDescriptor::getDisplayName).orElse("?"), context.model().name(),
                TaskOutcome.ERROR);
        throw problem;
    }
}
