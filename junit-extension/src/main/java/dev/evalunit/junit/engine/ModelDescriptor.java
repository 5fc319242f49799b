package dev.evalunit.junit.engine;

import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * One of several models of a suite: a container whose tasks run against that model, displayed as
 * {@code tools/oom [gpt-4o]}. Its unique id is {@code [suite:...]/[model:gpt-4o]}.
 */
final class ModelDescriptor extends AbstractTestDescriptor implements Node<EvalUnitExecutionContext> {

    private final String model;
    private final SuiteDescriptor suite;

    ModelDescriptor(UniqueId uniqueId, String model, SuiteDescriptor suite) {
        // No class source of its own: Surefire starts a test set (a "Running" line) per container with
        // a class source, and the tasks of every model belong to the suite class's one.
        super(uniqueId, model);
        this.model = model;
        this.suite = suite;
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }

    /** Surefire files the tasks under the suite class, whichever model ran them. */
    @Override
    public String getLegacyReportingName() {
        return suite.getLegacyReportingName();
    }

    /** @return the suite's problems, then its tasks, each as a test of this model */
    Set<DiscoverySelector> childSelectors() {
        Set<DiscoverySelector> selectors = new LinkedHashSet<>(suite.problemSelectors(getUniqueId()));
        selectors.addAll(suite.taskSelectors(getUniqueId()));
        return selectors;
    }

    Optional<TestDescriptor> createChild(UniqueId childId) {
        if (!childId.getLastSegment().getType().equals(Segments.TASK)) {
            return suite.createProblem(childId, Optional.of(model));
        }
        return suite.createTask(childId, Optional.of(model));
    }

    @Override
    public EvalUnitExecutionContext before(EvalUnitExecutionContext context) {
        context.monitor().plan(model, TaskCount.of(this));
        return context.withModel(suite.bindModel(model, context));
    }
}
