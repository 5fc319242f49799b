package dev.evalunit.junit.engine;

import dev.evalunit.config.Settings;
import dev.evalunit.junit.EvalSuite;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.support.discovery.EngineDiscoveryRequestResolver;

/**
 * The discovery pipeline: packages and classpath roots become {@code @EvalSuite} classes; classes,
 * classpath resources, files and directories become suites; unique ids become single tasks.
 */
final class DiscoverySelectorResolver {

    private static final EngineDiscoveryRequestResolver<EvalUnitEngineDescriptor> RESOLVER =
            EngineDiscoveryRequestResolver.<EvalUnitEngineDescriptor>builder()
                    .addClassContainerSelectorResolver(type -> type.isAnnotationPresent(EvalSuite.class))
                    .addSelectorResolver(context -> new SuiteClassResolver(context.getClassNameFilter(), plan(context)))
                    .addSelectorResolver(context -> new SuiteResourceResolver(plan(context)))
                    .addSelectorResolver(new TaskResolver())
                    .build();

    private DiscoverySelectorResolver() {
    }

    private static DiscoveryPlan plan(EngineDiscoveryRequestResolver.InitializationContext<EvalUnitEngineDescriptor> context) {
        return DiscoveryPlan.of(Settings.from(context.getDiscoveryRequest().getConfigurationParameters()::get),
                context.getEngineDescriptor().problems());
    }

    static void resolve(EngineDiscoveryRequest request, EvalUnitEngineDescriptor engine) {
        RESOLVER.resolve(request, engine);
    }
}
