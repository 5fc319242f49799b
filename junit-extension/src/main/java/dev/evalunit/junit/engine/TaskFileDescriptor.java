package dev.evalunit.junit.engine;

import dev.evalunit.task.TaskFile;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A task file that holds several tasks, a task list or a dataset: a container with one test per
 * item, named by the item's id, {@code [suite:...]/[tasks:qa/capitals.yaml]/[task:capitals/fr]}
 * (under {@code [model:...]} when the suite runs several models). An item that could not be read
 * (a broken list item, a malformed row) is a test that errors with what is wrong with it.
 *
 * <p>Children are created on demand from their unique ids, so the rerun of one item runs it alone.
 */
final class TaskFileDescriptor extends AbstractTestDescriptor implements Node<EvalUnitExecutionContext> {

    private final Map<String, TaskFile.Item> items;
    private final String suite;
    private final String legacyReportingName;
    private final Optional<String> model;

    /**
     * @param items the file's items this run owns, by id, in file order
     * @param suite how results files name the suite
     * @param model the model the items run against, when the suite runs several
     */
    TaskFileDescriptor(UniqueId uniqueId, String path, TestSource source, Map<String, TaskFile.Item> items,
            String suite, String legacyReportingName, Optional<String> model) {
        super(uniqueId, path, source);
        this.items = items;
        this.suite = suite;
        this.legacyReportingName = legacyReportingName;
        this.model = model;
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }

    /** Surefire files the items under the suite class, like every other task of the suite. */
    @Override
    public String getLegacyReportingName() {
        return legacyReportingName;
    }

    /** @return a unique-id selector for every item, in file order */
    Set<DiscoverySelector> childSelectors() {
        Set<DiscoverySelector> selectors = new LinkedHashSet<>();
        for (String id : items.keySet()) {
            selectors.add(DiscoverySelectors.selectUniqueId(getUniqueId().append(Segments.TASK, id)));
        }
        return selectors;
    }

    /** @return the item named by the last segment of {@code childId}, when this file has it */
    Optional<TestDescriptor> createChild(UniqueId childId) {
        UniqueId.Segment last = childId.getLastSegment();
        TaskFile.Item item = items.get(last.getValue());
        if (item == null || !last.getType().equals(Segments.TASK)) {
            return Optional.empty();
        }
        if (item.task().isPresent()) {
            return Optional.of(new TaskDescriptor(childId, item.task().get(), suite, model));
        }
        return Optional.of(new ProblemDescriptor(childId, item.id(), Sources.of(item.source()), item.problem().get(),
                suite, getDisplayName()));
    }
}
