package dev.evalunit.junit.engine;

import dev.evalunit.report.TaskRecord;
import dev.evalunit.report.TrialRecord;
import dev.evalunit.report.TaskOutcome;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

import java.util.List;
import java.util.Optional;

/**
 * A task file, or a suite location, that could not be loaded: one test, named after it, that
 * errors with the message saying where and what to fix. The suite's other tasks still run. In a
 * suite of several models it is a test of each model, as every task is, so Surefire, the results
 * and the gate all count it once per model, and no model's gate can pass over it.
 */
final class ProblemDescriptor extends AbstractTestDescriptor implements Node<EvalUnitExecutionContext> {

    private final RuntimeException problem;
    private final String suite;
    private final String task;
    private final String file;

    /** A problem named after its file: the file is the display name. */
    ProblemDescriptor(UniqueId uniqueId, String displayName, TestSource source, RuntimeException problem, String suite) {
        this(uniqueId, displayName, source, problem, suite, displayName);
    }

    /** A problem of one item of a file (a dataset row): named by the item, recorded with its file. */
    ProblemDescriptor(UniqueId uniqueId, String displayName, TestSource source, RuntimeException problem, String suite,
            String file) {
        this(uniqueId, displayName, displayName, source, problem, suite, file);
    }

    /** A problem shown under another name than the one results record, e.g. {@code bad.yaml [gpt-4o]}. */
    ProblemDescriptor(UniqueId uniqueId, String displayName, String task, TestSource source, RuntimeException problem,
            String suite, String file) {
        super(uniqueId, displayName, source);
        this.problem = problem;
        this.suite = suite;
        this.task = task;
        this.file = file;
    }

    /** @return what this test errors with: the problem it stands for */
    RuntimeException problem() {
        return problem;
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }

    @Override
    public EvalUnitExecutionContext execute(EvalUnitExecutionContext context, DynamicTestExecutor dynamicTestExecutor) {
        TrialRecord trial = new TrialRecord(1, false, 0, List.of(), 0, 0, Optional.empty(),
                Optional.of(String.valueOf(problem.getMessage())));
        for (String model : context.modelNames()) {
            context.report().record(new TaskRecord(suite, task, file, model, List.of(),
                    TaskOutcome.ERROR, List.of(trial), 0, "all", 0));
        }
        throw Stackless.withCauses(problem);
    }
}
