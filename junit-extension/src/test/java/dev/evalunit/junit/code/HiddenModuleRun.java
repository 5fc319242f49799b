package dev.evalunit.junit.code;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;

import java.nio.file.Path;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;

/**
 * Runs the engine on the oracle over a classpath folder of task files and returns one line per
 * finished test, {@code name|STATUS|ExceptionType|message}. Loaded by a {@code HidingClassLoader},
 * so only JDK types cross into the test that calls it.
 */
public final class HiddenModuleRun implements Function<String, String> {

    @Override
    public String apply(String folder) {
        return EngineTestKit.engine("evalunit")
                .enableImplicitConfigurationParameters(false)
                .configurationParameter("evalunit.model", "oracle")
                .configurationParameter("evalunit.report.dir",
                        Path.of("target", "engine-runs", UUID.randomUUID().toString()).toString())
                .selectors(selectClasspathResource(folder))
                .execute()
                .testEvents().finished().stream()
                .map(event -> {
                    TestExecutionResult result = event.getRequiredPayload(TestExecutionResult.class);
                    return event.getTestDescriptor().getDisplayName() + "|" + result.getStatus() + "|"
                            + result.getThrowable().map(t -> t.getClass().getSimpleName() + "|" + t.getMessage())
                            .orElse("|");
                })
                .sorted()
                .collect(Collectors.joining("\n"));
    }
}
