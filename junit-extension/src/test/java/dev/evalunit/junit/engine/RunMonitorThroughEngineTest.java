package dev.evalunit.junit.engine;

import dev.evalunit.config.Constants;
import dev.evalunit.report.HtmlReport;
import dev.evalunit.report.ResultsFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.evalunit.junit.engine.EngineRuns.console;
import static dev.evalunit.junit.engine.EngineRuns.evalunit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;

/** What the console and the report directory show around the tasks: progress, budget, report, tokens. */
class RunMonitorThroughEngineTest {

    @TempDir
    Path reports;

    @Test
    void printsTheProgressAtTheEndOfTheSuiteAndTheTokensAndTheReportAtTheEnd() throws IOException {
        String console = console(evalunit("oracle").configurationParameter(Constants.REPORT_DIR_PROPERTY_NAME, reports.toString())
                // A tick an hour away: what is printed comes from the suite's end, not from the clock.
                .configurationParameter(Constants.PROGRESS_INTERVAL_PROPERTY_NAME, "1h")
                .configurationParameter(Constants.PRICES_PROPERTY_NAME, "oracle=1000000/2000000")
                .selectors(selectClasspathResource("engine/progress")));

        assertThat(console).containsPattern("EvalUnit \\[oracle\\] 5/5 done · 5 passed · 0 failed · 0 errors"
                + " · pass rate 1\\.00 \\(0\\.57-1\\.00\\) · [0-9.]+ tasks/s\n");
        assertThat(console).containsPattern("EvalUnit tokens \\[oracle\\]: [1-9][0-9]* in / [1-9][0-9]* out, cost [1-9][0-9]*\\.0000\n");
        assertThat(console).contains("EvalUnit report: " + reports.resolve(HtmlReport.REPORT_FILE));
        assertThat(reports.resolve(HtmlReport.REPORT_FILE)).content().contains("task-5").contains("execute_tool get_pod");
    }

    @Test
    void printsNoProgressWhenSwitchedOffAndNoReportWhenSwitchedOff() throws IOException {
        String console = console(evalunit("oracle").configurationParameter(Constants.REPORT_DIR_PROPERTY_NAME, reports.toString())
                .configurationParameter(Constants.PROGRESS_PROPERTY_NAME, "false")
                .configurationParameter(Constants.HTML_REPORT_PROPERTY_NAME, "false")
                .selectors(selectClasspathResource("engine/progress")));

        assertThat(console).doesNotContain(" done · ").doesNotContain("EvalUnit report:")
                .contains("EvalUnit engine/progress [oracle]: 5/5 tasks passed");
        assertThat(reports.resolve(HtmlReport.REPORT_FILE)).doesNotExist();
    }

    @Test
    void stopsStartingTasksOnceTheTokenBudgetIsSpentAndSaysSo() throws IOException {
        EngineExecutionResults[] results = new EngineExecutionResults[1];
        String console = console(evalunit("oracle").configurationParameter(Constants.REPORT_DIR_PROPERTY_NAME, reports.toString())
                .configurationParameter(Constants.CONCURRENCY_PROPERTY_NAME, "1")
                .configurationParameter(Constants.MAX_TOKENS_PROPERTY_NAME, "1")
                .selectors(selectClasspathResource("engine/progress")), results);

        // One at a time: the first task spends more than one token, so none of the other 4 starts.
        assertThat(results[0].testEvents().succeeded().count()).isEqualTo(1);
        assertThat(results[0].testEvents().aborted().count()).isEqualTo(4);
        assertThat(ResultsFiles.readResults(reports).tasks()).hasSize(1);
        assertThat(console).containsPattern("EvalUnit run cut short: the token budget is spent: [0-9]+ tokens used,"
                + " evalunit.max-tokens=1; 4 tasks were not started \\(skipped\\)");
    }

    @Test
    void aWrongBudgetErrorsEveryTaskWithTheKey() {
        EngineExecutionResults[] results = new EngineExecutionResults[1];
        console(evalunit("oracle").configurationParameter(Constants.REPORT_DIR_PROPERTY_NAME, reports.toString())
                .configurationParameter(Constants.MAX_COST_PROPERTY_NAME, "5")
                .selectors(selectClasspathResource("engine/progress")), results);

        assertThat(results[0].testEvents().failed().count()).isEqualTo(5);
        assertThat(results[0].testEvents().failed().stream().map(event -> event.getPayload(
                org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow().getMessage()))
                .allMatch(message -> message.contains("evalunit.max-cost needs prices"));
    }
}
