package dev.evalunit.junit.engine;

import dev.evalunit.config.Constants;
import dev.evalunit.report.ResultsFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static dev.evalunit.junit.engine.EngineRuns.evalunit;
import static dev.evalunit.junit.engine.EngineRuns.failureOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;

/**
 * A configuration value that does not parse is reported by every task, naming the key: never a
 * silent fallback to the default (as {@link dev.evalunit.config.Settings} promises).
 */
class RunConfigurationTest {

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
            Constants.TIMEOUT_PROPERTY_NAME + ", soon, is not a duration",
            Constants.MAX_TOOL_CALLS_PROPERTY_NAME + ", -1, is not a positive integer",
    })
    void errorsEveryTaskNamingAConfigurationValueThatDoesNotParse(String key, String value, String problem) {
        assertEveryTaskErrors(key, value, problem);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
            Constants.CONCURRENCY_PROPERTY_NAME + ", eight, is not a positive integer",
            Constants.CONCURRENCY_PROPERTY_NAME + ", 0, is not a positive integer",
    })
    void errorsEveryTaskNamingAConcurrencyThatIsNotAPositiveNumber(String key, String value, String problem) {
        assertEveryTaskErrors(key, value, problem);
    }

    @Test
    void errorsEveryTaskNamingASandboxItDoesNotKnowAndRecordsTheValueAsGiven(@TempDir Path reports) throws IOException {
        EngineExecutionResults results = evalunit("oracle")
                .configurationParameter(Constants.SANDBOX_PROPERTY_NAME, "docker")
                .configurationParameter(Constants.REPORT_DIR_PROPERTY_NAME, reports.toString())
                .selectors(selectClasspathResource("engine/discovery")).execute();

        results.testEvents().assertStatistics(stats -> stats.started(2).failed(2));
        for (String task : List.of("tools/oom", "slow-checkout")) {
            assertThat(failureOf(results, task)).isNotInstanceOf(AssertionError.class)
                    .hasMessageContaining(Constants.SANDBOX_PROPERTY_NAME + " is \"docker\"; use bubblewrap");
        }
        assertThat(ResultsFiles.readSummary(reports).sandbox()).hasValue("docker");
    }

    private static void assertEveryTaskErrors(String key, String value, String problem) {
        EngineExecutionResults results = evalunit("oracle").configurationParameter(key, value)
                .selectors(selectClasspathResource("engine/discovery")).execute();

        results.testEvents().assertStatistics(stats -> stats.started(2).failed(2));
        for (String task : List.of("tools/oom", "slow-checkout")) {
            assertThat(failureOf(results, task)).isNotInstanceOf(AssertionError.class)
                    .hasMessageContaining("Configuration " + key + "=" + value + " " + problem);
        }
    }
}
