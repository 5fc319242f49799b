package dev.evalunit.junit.engine;

import dev.evalunit.config.Constants;
import dev.evalunit.report.ResultsFiles;
import dev.evalunit.report.TaskRecord;
import dev.evalunit.report.TaskOutcome;
import dev.evalunit.source.TaskFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.io.IOException;
import java.nio.file.Path;

import static dev.evalunit.junit.engine.EngineRuns.ENGINE;
import static dev.evalunit.junit.engine.EngineRuns.console;
import static dev.evalunit.junit.engine.EngineRuns.evalunit;
import static dev.evalunit.junit.engine.EngineRuns.failureOf;
import static dev.evalunit.junit.engine.EngineRuns.finishedTests;
import static dev.evalunit.junit.engine.EngineRuns.onDisk;
import static dev.evalunit.junit.engine.EngineRuns.passedTests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

/**
 * Bad input in files of many tasks: a bad row or item is one failing test and the others run; a
 * bad template, a placeholder naming no column, a dataset that cannot be read or broken folder
 * defaults are one failing test for the file.
 */
class BadRowsAndDatasetsTest {

    private static final String ROWS = "engine/bad-rows";
    private static final String DATASETS = "engine/bad-datasets";

    @TempDir
    Path reports;

    @Test
    void eachMalformedRowIsOneFailingTestAndTheOtherRowsRun() {
        EngineExecutionResults results = evalunit("oracle").selectors(selectClasspathResource(ROWS)).execute();

        assertThat(passedTests(results)).containsExactlyInAnyOrder("rows/good", "rows/also-good", "table/fr",
                "table/it", "list/good");
        assertThat(finishedTests(results)).containsExactlyInAnyOrder("rows/good", "rows/no-q", "rows/3",
                "rows/wrong-type", "rows/also-good", "table/fr", "table/jp", "table/it", "list/good", "list/typo");
    }

    @Test
    void aRowWithoutAColumnTheTemplateUsesSaysWhereAndWhich() {
        assertThat(failureOf(runRows(), "rows/no-q"))
                .isInstanceOf(TaskFileException.class)
                .hasMessage(ROWS + "/rows.jsonl:2:1: the row has no \"q\", which the template uses (at " + ROWS
                        + "/rows.yaml:3:11); add it to the row");
    }

    @Test
    void aRowThatIsNotJsonSaysWhereAndIsNamedByItsNumber() {
        assertThat(failureOf(runRows(), "rows/3"))
                .hasMessageStartingWith(ROWS + "/rows.jsonl:3:31: the row is not valid JSON: Unexpected character");
    }

    @Test
    void aRowWithAValueOfTheWrongTypeNamesTheColumnAndTheTemplate() {
        assertThat(failureOf(runRows(), "rows/wrong-type"))
                .hasMessage(ROWS + "/rows.jsonl:4:1: template.trials must be a whole number of at least 1, was a"
                        + " string (the value of \"n\" in this row, filled into the template at " + ROWS
                        + "/rows.yaml:4:11)");
    }

    @Test
    void aCsvRowMissingAValueAndABrokenListItemAreFailingTestsOfTheirOwn() {
        EngineExecutionResults results = runRows();

        assertThat(failureOf(results, "table/jp")).hasMessage(ROWS + "/table.csv:3:1: the row has 2 values but the"
                + " header names 3 columns; give every row one value per column (quote values that hold commas)");
        assertThat(failureOf(results, "list/typo")).hasMessageStartingWith(ROWS + "/list.yaml:9:5: unknown key"
                + " \"expct\"; did you mean \"expect\"?");
    }

    @Test
    void pointsTheTestOfABadRowAtTheRowAndRerunsItByItsUniqueId() {
        TestDescriptor noQ = evalunit().selectors(selectClasspathResource(ROWS)).discover().getEngineDescriptor()
                .getDescendants().stream().filter(node -> node.getDisplayName().equals("rows/no-q"))
                .findFirst().orElseThrow();
        UniqueId id = ENGINE.append("classpath", ROWS).append("tasks", ROWS + "/rows.yaml").append("task", "rows/no-q");

        assertThat(noQ.getUniqueId()).isEqualTo(id);
        assertThat(noQ.getSource()).contains(FileSource.from(onDisk(ROWS + "/rows.jsonl").toFile(), FilePosition.from(2, 1)));
        EngineExecutionResults rerun = evalunit("oracle").selectors(selectUniqueId(id)).execute();
        rerun.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
    }

    @Test
    void theResultsCountABadRowAsAnErrorOfItsTask() throws IOException {
        evalunit("oracle").configurationParameter(Constants.REPORT_DIR_PROPERTY_NAME, reports.toString())
                .selectors(selectClasspathResource(ROWS)).execute();

        assertThat(ResultsFiles.readResults(reports.resolve("results.jsonl")).tasks())
                .filteredOn(task -> task.task().equals("rows/no-q")).singleElement()
                .extracting(TaskRecord::status).isEqualTo(TaskOutcome.ERROR);
        assertThat(ResultsFiles.readSummary(reports.resolve("summary.json")).figures().total()).isEqualTo(10);
    }

    @Test
    void warnsOnceAFileAboutItsBadItemsSoATagFilterCannotHideThem() {
        String console = console(evalunit("oracle").selectors(selectClasspathResource(ROWS))
                .configurationParameter(Constants.REPORT_DIR_PROPERTY_NAME, reports.toString())
                .filters(org.junit.platform.launcher.TagFilter.includeTags("none")));

        assertThat(console.lines().filter(line -> line.startsWith("EvalUnit warning: " + ROWS + "/rows.yaml: ")))
                .containsExactly("EvalUnit warning: " + ROWS + "/rows.yaml: 3 items could not be loaded, each a failing"
                        + " test; the first: " + ROWS + "/rows.jsonl:2:1: the row has no \"q\", which the template uses"
                        + " (at " + ROWS + "/rows.yaml:3:11); add it to the row (a filter left out its test, so it is"
                        + " reported here)");
    }

    @Test
    void saysNothingMoreOfBadItemsWhoseTestsRun() {
        String console = console(evalunit("oracle").selectors(selectClasspathResource(ROWS))
                .configurationParameter(Constants.REPORT_DIR_PROPERTY_NAME, reports.toString()));

        assertThat(console).doesNotContain("EvalUnit warning: " + ROWS + "/rows.yaml");
    }

    @Test
    void aPlaceholderThatNamesNoColumnIsOneFailingTestOfTheFile() {
        EngineExecutionResults results = runDatasets();

        assertThat(failureOf(results, DATASETS + "/unknown-column.yaml"))
                .isInstanceOf(TaskFileException.class)
                .hasMessage(DATASETS + "/unknown-column.yaml:3:11: the placeholder {{contry}} names no column: no row of "
                        + DATASETS + "/ok.jsonl has a column \"contry\"; did you mean \"country\"? Columns: country, capital");
    }

    @Test
    void aDatasetThatCannotBeReadIsOneFailingTestNamingThePathTried() {
        assertThat(failureOf(runDatasets(), DATASETS + "/missing-dataset.yaml"))
                .hasMessageStartingWith(DATASETS + "/missing-dataset.yaml:1:10: cannot read the dataset " + DATASETS
                        + "/nowhere.jsonl at " + onDisk(DATASETS).resolve("nowhere.jsonl"));
    }

    @Test
    void aMistakeOfTheTemplateIsOneFailingTestOfTheFileAndTheOtherFilesRun() {
        EngineExecutionResults results = runDatasets();

        assertThat(failureOf(results, DATASETS + "/template-mistake.yaml"))
                .hasMessage(DATASETS + "/template-mistake.yaml:4:12: template.timeout \"soon\" is not a duration;"
                        + " write a positive number followed by ms, s, m or h, such as 90s or 5m");
        assertThat(passedTests(results)).containsExactly("good");
        results.testEvents().assertStatistics(stats -> stats.started(4).failed(3));
        assertThat(results.testEvents().failed().stream().map(event -> event.getTestDescriptor().getUniqueId()
                .getLastSegment().getType())).containsOnly("file");
    }

    @Test
    void brokenFolderDefaultsAreOneFailingTestAndTheTasksBelowThemDoNotRun() {
        EngineExecutionResults results = evalunit("oracle").selectors(selectClasspathResource("engine/bad-defaults"))
                .execute();

        assertThat(finishedTests(results)).containsExactlyInAnyOrder("engine/bad-defaults/a/_defaults.yaml", "b");
        assertThat(failureOf(results, "engine/bad-defaults/a/_defaults.yaml"))
                .hasMessageStartingWith("engine/bad-defaults/a/_defaults.yaml:2:1: unknown key \"sytem\"; did you mean"
                        + " \"system\"?")
                .hasMessageEndingWith("(the tasks below this folder are not loaded until it is fixed)");
    }

    private static EngineExecutionResults runRows() {
        return evalunit("oracle").selectors(selectClasspathResource(ROWS)).execute();
    }

    private static EngineExecutionResults runDatasets() {
        return evalunit("oracle").selectors(selectClasspathResource(DATASETS)).execute();
    }
}
