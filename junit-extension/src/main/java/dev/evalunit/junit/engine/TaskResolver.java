package dev.evalunit.junit.engine;

import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.discovery.SelectorResolver;

import java.util.Optional;
import java.util.Set;

import org.junit.platform.engine.TestDescriptor;

/** Resolves one task (or problem file) by unique id, resolving its suite first. */
final class TaskResolver implements SelectorResolver {

    private static final Set<String> CHILD_SEGMENTS =
            Set.of(Segments.MODEL, Segments.TASK, Segments.FILE, Segments.LOCATION);

    @Override
    public Resolution resolve(UniqueIdSelector selector, Context context) {
        UniqueId uniqueId = selector.getUniqueId();
        if (!CHILD_SEGMENTS.contains(uniqueId.getLastSegment().getType())) {
            return Resolution.unresolved();
        }
        return context.addToParent(() -> DiscoverySelectors.selectUniqueId(uniqueId.removeLastSegment()),
                        parent -> createChild(parent, uniqueId))
                .map(child -> Resolution.match(child instanceof ModelDescriptor
                        ? Match.exact(child, ((ModelDescriptor) child)::childSelectors)
                        : Match.exact(child)))
                .orElse(Resolution.unresolved());
    }

    private static Optional<TestDescriptor> createChild(TestDescriptor parent, UniqueId uniqueId) {
        if (parent instanceof SuiteDescriptor) {
            return ((SuiteDescriptor) parent).createChild(uniqueId);
        }
        if (parent instanceof ModelDescriptor) {
            return ((ModelDescriptor) parent).createChild(uniqueId);
        }
        return Optional.empty();
    }
}
