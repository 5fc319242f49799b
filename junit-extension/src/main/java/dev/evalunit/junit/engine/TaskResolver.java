package dev.evalunit.junit.engine;

import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.discovery.SelectorResolver;

import java.util.Set;

/** Resolves one task (or problem file) by unique id, resolving its suite first. */
final class TaskResolver implements SelectorResolver {

    private static final Set<String> CHILD_SEGMENTS = Set.of(Segments.TASK, Segments.FILE, Segments.LOCATION);

    @Override
    public Resolution resolve(UniqueIdSelector selector, Context context) {
        UniqueId uniqueId = selector.getUniqueId();
        if (!CHILD_SEGMENTS.contains(uniqueId.getLastSegment().getType())) {
            return Resolution.unresolved();
        }
        return context.addToParent(() -> DiscoverySelectors.selectUniqueId(uniqueId.removeLastSegment()),
                        parent -> parent instanceof SuiteDescriptor
                                ? ((SuiteDescriptor) parent).createChild(uniqueId)
                                : java.util.Optional.empty())
                .map(child -> Resolution.match(Match.exact(child)))
                .orElse(Resolution.unresolved());
    }
}
