package dev.evalunit.junit.engine;

import dev.evalunit.junit.EvalSuite;
import dev.evalunit.task.TaskDocuments;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.discovery.SelectorResolver;

import java.util.Optional;
import java.util.function.Predicate;

/** Resolves {@code @EvalSuite} classes, selected by class or by the unique id {@code [suite:class-name]}. */
final class SuiteClassResolver implements SelectorResolver {

    private final Predicate<String> classNameFilter;
    private final DiscoveryPlan plan;

    SuiteClassResolver(Predicate<String> classNameFilter, DiscoveryPlan plan) {
        this.classNameFilter = classNameFilter;
        this.plan = plan;
    }

    @Override
    public Resolution resolve(ClassSelector selector, Context context) {
        return resolve(selector.getJavaClass(), context);
    }

    @Override
    public Resolution resolve(UniqueIdSelector selector, Context context) {
        UniqueId.Segment last = selector.getUniqueId().getLastSegment();
        if (!last.getType().equals(Segments.SUITE)) {
            return Resolution.unresolved();
        }
        return ReflectionSupport.tryToLoadClass(last.getValue()).toOptional()
                .map(type -> resolve(type, context))
                .orElse(Resolution.unresolved());
    }

    private Resolution resolve(Class<?> type, Context context) {
        EvalSuite annotation = type.getAnnotation(EvalSuite.class);
        if (annotation == null || !classNameFilter.test(type.getName())) {
            return Resolution.unresolved();
        }
        Optional<SuiteDescriptor> suite = context.addToParent(parent -> Optional.of(SuiteDescriptor.create(
                parent.getUniqueId().append(Segments.SUITE, type.getName()),
                type.getSimpleName(),
                ClassSource.from(type),
                Optional.of(type),
                type.getName(),
                new SuiteLocation("classpath location \"" + annotation.value() + "\" of @EvalSuite " + type.getName(),
                        () -> TaskDocuments.onClasspath(classLoader(type), annotation.value())), plan)));
        return suite.map(found -> Resolution.match(Match.exact(found, found::childSelectors)))
                .orElse(Resolution.unresolved());
    }

    private static ClassLoader classLoader(Class<?> type) {
        return type.getClassLoader() != null ? type.getClassLoader() : ClassLoader.getSystemClassLoader();
    }

}
