package dev.evalunit.junit.engine;

import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.discovery.SelectorResolver;

import java.util.Optional;
import java.util.Set;

/**
 * Resolves one child of a suite by unique id, resolving its parents first: a task, a problem file,
 * a model, a file of several tasks, or one item of such a file.
 */
final class TaskResolver implements SelectorResolver {

    private static final Set<String> CHILD_SEGMENTS =
            Set.of(Segments.MODEL, Segments.TASK, Segments.TASKS, Segments.FILE, Segments.LOCATION);

    @Override
    public Resolution resolve(UniqueIdSelector selector, Context context) {
        UniqueId uniqueId = selector.getUniqueId();
        if (!CHILD_SEGMENTS.contains(uniqueId.getLastSegment().getType())) {
            return Resolution.unresolved();
        }
        return context.addToParent(() -> DiscoverySelectors.selectUniqueId(uniqueId.removeLastSegment()),
                        parent -> createChild(parent, uniqueId))
                .map(child -> Resolution.match(match(child)))
                .orElse(Resolution.unresolved());
    }

    /** Containers expand to their children when selected themselves; as the parent of a selected child they do not. */
    private static Match match(TestDescriptor child) {
        if (child instanceof ModelDescriptor) {
            return Match.exact(child, ((ModelDescriptor) child)::childSelectors);
        }
        if (child instanceof TaskFileDescriptor) {
            return Match.exact(child, ((TaskFileDescriptor) child)::childSelectors);
        }
        return Match.exact(child);
    }

    private static Optional<TestDescriptor> createChild(TestDescriptor parent, UniqueId uniqueId) {
        if (parent instanceof SuiteDescriptor) {
            return ((SuiteDescriptor) parent).createChild(uniqueId);
        }
        if (parent instanceof TaskFileDescriptor) {
            return ((TaskFileDescriptor) parent).createChild(uniqueId);
        }
        if (parent instanceof ModelDescriptor) {
            if (uniqueId.getLastSegment().getType().equals(Segments.TASKS)) {
                // A file of several tasks under one of several models: the suite knows the file, the id names the model.
                return parent.getParent()
                        .filter(SuiteDescriptor.class::isInstance)
                        .flatMap(suite -> ((SuiteDescriptor) suite).createFile(uniqueId, model(uniqueId)));
            }
            return ((ModelDescriptor) parent).createChild(uniqueId);
        }
        return Optional.empty();
    }

    private static Optional<String> model(UniqueId uniqueId) {
        return uniqueId.getSegments().stream()
                .filter(segment -> segment.getType().equals(Segments.MODEL))
                .map(UniqueId.Segment::getValue)
                .reduce((first, second) -> second);
    }
}
