package dev.evalunit.junit.engine;

import dev.evalunit.config.Constants;
import dev.evalunit.junit.EvalSuite;
import dev.evalunit.junit.ModelUnderTest;
import dev.evalunit.model.Agent;
import dev.evalunit.report.ResultsFiles;
import dev.evalunit.report.Summary;
import dev.evalunit.report.TaskRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.testkit.engine.EngineExecutionResults;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.evalunit.junit.engine.EngineRuns.ENGINE;
import static dev.evalunit.junit.engine.EngineRuns.evalunit;
import static dev.evalunit.junit.engine.EngineRuns.failureOf;
import static dev.evalunit.junit.engine.EngineRuns.finishedTests;
import static dev.evalunit.junit.engine.EngineRuns.onDisk;
import static dev.evalunit.junit.engine.EngineRuns.passedTests;
import static dev.evalunit.junit.engine.EngineRuns.suiteId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

/**
 * Files that hold many tasks, through the engine. engine/many holds folder defaults, a task list
 * (capitals.yaml: france, japan, and an item without id), a dataset (severity.yaml over
 * data/incidents.jsonl: INC-1 to INC-3), a file of one task (single.yaml) and, in sub/, a task under
 * two folders' defaults (deep.yaml).
 */
class TaskListsAndDatasetsTest {

    private static final String MANY = "engine/many";
    private static final String CAPITALS = MANY + "/capitals.yaml";
    private static final String SEVERITY = MANY + "/severity.yaml";
    private static final List<String> EVERY_TASK = List.of("capitals/france", "capitals/japan", "capitals/3",
            "severity/INC-1", "severity/INC-2", "severity/INC-3", "single", "sub/deep");

    @TempDir
    Path reports;

    @EvalSuite(MANY)
    static class ManySuite {
    }

    @EvalSuite("engine/many-models")
    static class TwoModelsSuite {

        @ModelUnderTest("knows")
        static final Agent KNOWS = context -> "Paris, Tokyo and Rome.";

        @ModelUnderTest("guesses")
        static final Agent GUESSES = context -> "Paris, I think.";
    }

    @Test
    void aFileOfSeveralTasksIsAContainerWithATestPerItem() {
        Map<String, TestDescriptor> nodes = discover(selectClass(ManySuite.class));
        UniqueId list = suiteId(ManySuite.class).append("tasks", CAPITALS);

        assertThat(nodes.get(CAPITALS).getUniqueId()).isEqualTo(list);
        assertThat(nodes.get(CAPITALS).isContainer()).isTrue();
        assertThat(nodes.get(CAPITALS).getChildren()).extracting(TestDescriptor::getDisplayName)
                .containsExactly("capitals/france", "capitals/japan", "capitals/3");
        assertThat(nodes.get("capitals/japan").getUniqueId()).isEqualTo(list.append("task", "capitals/japan"));
        assertThat(nodes.get(SEVERITY).getChildren()).extracting(TestDescriptor::getDisplayName)
                .containsExactly("severity/INC-1", "severity/INC-2", "severity/INC-3");
    }

    @Test
    void aFileOfOneTaskKeepsItsFlatIdUnderFolderDefaults() {
        Map<String, TestDescriptor> nodes = discover(selectClass(ManySuite.class));

        assertThat(nodes.get("single").getUniqueId()).isEqualTo(suiteId(ManySuite.class).append("task", "single"));
        assertThat(nodes.get("sub/deep").getUniqueId()).isEqualTo(suiteId(ManySuite.class).append("task", "sub/deep"));
    }

    @Test
    void pointsAnItemAtItsLineAndARowAtItsLineInTheDataset() {
        Map<String, TestDescriptor> nodes = discover(selectClass(ManySuite.class));

        assertThat(nodes.get("capitals/japan").getSource())
                .contains(FileSource.from(onDisk(CAPITALS).toFile(), FilePosition.from(11, 5)));
        assertThat(nodes.get("severity/INC-2").getSource())
                .contains(FileSource.from(onDisk(MANY + "/data/incidents.jsonl").toFile(), FilePosition.from(2, 1)));
        assertThat(nodes.get(CAPITALS).getSource())
                .contains(FileSource.from(onDisk(CAPITALS).toFile(), FilePosition.from(1, 1)));
    }

    @Test
    void everyItemPassesOnTheOracleWithDefaultsAndPlaceholdersApplied() {
        EngineExecutionResults results = evalunit("oracle").selectors(selectClass(ManySuite.class)).execute();

        assertThat(passedTests(results)).containsExactlyInAnyOrderElementsOf(EVERY_TASK);
        results.testEvents().assertStatistics(stats -> stats.started(EVERY_TASK.size()).failed(0));
    }

    @Test
    void everyItemFailsOnNopWithTheChecksOfEveryLayer() {
        EngineExecutionResults results = evalunit("nop").selectors(selectClass(ManySuite.class)).execute();

        results.testEvents().assertStatistics(stats -> stats.started(EVERY_TASK.size()).succeeded(0));
        assertThat(failureOf(results, "severity/INC-2").getMessage())
                .contains("0 of 2 trials passed", "output: expected to match /^SEV2\\b/",
                        "spans[1] \"execute_tool dashboard\": expected count >= 1, found 0");
        assertThat(failureOf(results, "sub/deep").getMessage()).contains("expected to contain \"4\"");
    }

    @Test
    void tagsOfEveryLayerAndOfTheRowBecomeJUnitTags() {
        Map<String, TestDescriptor> nodes = discover(selectClass(ManySuite.class));

        assertThat(nodes.get("capitals/3").getTags()).extracting(TestTag::getName)
                .containsExactly("many", "geography", "europe");
        assertThat(nodes.get("severity/INC-1").getTags()).extracting(TestTag::getName).containsExactly("many", "payments");
        assertThat(nodes.get("sub/deep").getTags()).extracting(TestTag::getName).containsExactly("many", "sub");
        assertThat(finishedTests(evalunit("oracle").selectors(selectClass(ManySuite.class))
                .filters(TagFilter.includeTags("geography")).execute()))
                .containsExactlyInAnyOrder("capitals/france", "capitals/japan", "capitals/3");
    }

    @Test
    void aRerunOfOneRowRunsThatRowAlone() {
        UniqueId row = suiteId(ManySuite.class).append("tasks", SEVERITY).append("task", "severity/INC-2");

        EngineExecutionResults results = evalunit("oracle").selectors(selectUniqueId(row)).execute();

        assertThat(finishedTests(results)).containsExactly("severity/INC-2");
        assertThat(passedTests(results)).containsExactly("severity/INC-2");
    }

    @Test
    void aRerunOfOneItemOfAClasspathOrDirectorySuiteRunsThatItemAlone() {
        UniqueId classpath = ENGINE.append("classpath", MANY).append("tasks", CAPITALS).append("task", "capitals/japan");
        Path directory = onDisk(MANY);
        String shownList = discover(selectDirectory(directory.toFile())).values().stream()
                .filter(node -> node.getUniqueId().getLastSegment().getType().equals("tasks"))
                .map(TestDescriptor::getDisplayName).filter(name -> name.endsWith("capitals.yaml")).findFirst().orElseThrow();
        UniqueId path = ENGINE.append("path", directory.toString()).append("tasks", shownList)
                .append("task", "capitals/france");

        assertThat(finishedTests(evalunit("oracle").selectors(selectUniqueId(classpath)).execute()))
                .containsExactly("capitals/japan");
        assertThat(finishedTests(evalunit("oracle").selectors(selectUniqueId(path)).execute()))
                .containsExactly("capitals/france");
    }

    @Test
    void aRerunOfAFileRunsEveryItemOfIt() {
        UniqueId file = suiteId(ManySuite.class).append("tasks", CAPITALS);

        assertThat(finishedTests(evalunit("oracle").selectors(selectUniqueId(file)).execute()))
                .containsExactlyInAnyOrder("capitals/france", "capitals/japan", "capitals/3");
    }

    @Test
    void withSeveralModelsEachModelHasItsOwnContainerOfEachFile() {
        Map<String, TestDescriptor> nodes = discover(selectClass(TwoModelsSuite.class));
        UniqueId guesses = suiteId(TwoModelsSuite.class).append("model", "guesses");
        String list = "engine/many-models/list.yaml";

        assertThat(nodes.get("guesses").getChildren()).extracting(TestDescriptor::getUniqueId)
                .as("files in path order").containsExactly(guesses.append("task", "flat"), guesses.append("tasks", list));
        EngineExecutionResults results = evalunit().selectors(selectClass(TwoModelsSuite.class)).execute();
        assertThat(passedTests(results)).containsExactlyInAnyOrder("list/paris [knows]", "list/tokyo [knows]",
                "flat [knows]", "list/paris [guesses]");
    }

    @Test
    void withSeveralModelsARerunOfOneItemRunsThatPairAlone() {
        UniqueId pair = suiteId(TwoModelsSuite.class).append("model", "guesses")
                .append("tasks", "engine/many-models/list.yaml").append("task", "list/tokyo");

        EngineExecutionResults results = evalunit().selectors(selectUniqueId(pair)).execute();

        assertThat(finishedTests(results)).containsExactly("list/tokyo [guesses]");
        assertThat(results.testEvents().failed().list()).singleElement()
                .satisfies(event -> assertThat(event.getTestDescriptor().getUniqueId()).isEqualTo(pair));
    }

    @Test
    void theShardsTogetherRunEveryItemOnceAndAFileOnlyWhereItHasItems() {
        List<String> finished = new ArrayList<>();
        for (int shard = 1; shard <= 3; shard++) {
            EngineExecutionResults results = evalunit("oracle")
                    .configurationParameter(Constants.SHARD_PROPERTY_NAME, shard + "/3")
                    .configurationParameter(Constants.REPORT_DIR_PROPERTY_NAME, reports.resolve("s" + shard).toString())
                    .selectors(selectClass(ManySuite.class)).execute();
            finished.addAll(finishedTests(results));
            results.containerEvents().started().stream().map(event -> event.getTestDescriptor())
                    .filter(node -> node.getUniqueId().getLastSegment().getType().equals("tasks"))
                    .forEach(file -> assertThat(file.getChildren()).as("items of %s in shard", file.getDisplayName())
                            .isNotEmpty());
        }

        assertThat(finished).containsExactlyInAnyOrderElementsOf(EVERY_TASK);
    }

    @Test
    void theResultsCountEachItemAsATask() throws IOException {
        evalunit("oracle").configurationParameter(Constants.REPORT_DIR_PROPERTY_NAME, reports.toString())
                .selectors(selectClass(ManySuite.class)).execute();

        Summary summary = ResultsFiles.readSummary(reports.resolve("summary.json"));
        List<TaskRecord> tasks = ResultsFiles.readResults(reports.resolve("results.jsonl")).tasks();

        assertThat(summary.figures().total()).isEqualTo(EVERY_TASK.size());
        assertThat(summary.suites()).containsEntry(ManySuite.class.getName(), EVERY_TASK.size());
        assertThat(tasks).extracting(TaskRecord::task).containsExactlyInAnyOrderElementsOf(EVERY_TASK);
    }

    /** @return every node of the tree by display name */
    private static Map<String, TestDescriptor> discover(org.junit.platform.engine.DiscoverySelector selector) {
        return evalunit().selectors(selector).discover().getEngineDescriptor().getDescendants().stream()
                .collect(Collectors.toMap(TestDescriptor::getDisplayName, Function.identity(), (a, b) -> a));
    }
}
