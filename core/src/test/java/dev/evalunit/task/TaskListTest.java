package dev.evalunit.task;

import dev.evalunit.check.Check;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import dev.evalunit.source.TaskFileException;

import static org.assertj.core.api.Assertions.assertThat;

/** A task list: one file, many tasks, each its own item under the file's defaults. */
class TaskListTest {

    private static final String CAPITALS = """
            tags: [geography]
            system: Answer with the city only.
            trials: 2
            expect:
              spans:
                - name: "chat *"
                  count: 1
            tasks:
              - id: france
                prompt: What is the capital of France?
                expect: {output: [contains: Paris]}
              - prompt: What is the capital of Japan?
                tags: [asia]
                system: Answer in one word.
                trials: 3
                pass: 2
                timeout: 30s
                expect: {output: [contains: Tokyo]}
            """;

    @Test
    void namesEachItemAfterTheFileAndItsIdOrItsPosition() {
        TaskFile file = TaskFiles.load(CAPITALS);

        assertThat(file.form()).isEqualTo(TaskFile.Form.LIST);
        assertThat(file.holdsMany()).isTrue();
        assertThat(file.id()).isEqualTo("t");
        assertThat(file.tasks()).extracting(Task::id).containsExactly("t/france", "t/2");
    }

    @Test
    void placesEachTaskAtItsItem() {
        assertThat(TaskFiles.load(CAPITALS).tasks()).extracting(task -> task.source().toString())
                .containsExactly("t.yaml:9:5", "t.yaml:12:5");
    }

    @Test
    void anItemTakesTheFilesDefaultsAndOverridesThemWithItsOwn() {
        List<Task> tasks = TaskFiles.load(CAPITALS).tasks();
        Task france = tasks.get(0);
        Task japan = tasks.get(1);

        assertThat(france.messages()).containsExactly(
                new TaskMessage(TaskMessage.Role.SYSTEM, "Answer with the city only."),
                new TaskMessage(TaskMessage.Role.USER, "What is the capital of France?"));
        assertThat(france.trials()).isEqualTo(2);
        assertThat(france.timeout()).isEmpty();
        assertThat(japan.messages().get(0).content()).isEqualTo("Answer in one word.");
        assertThat(japan.trials()).isEqualTo(3);
        assertThat(japan.pass()).isEqualTo(PassPolicy.atLeast(2));
        assertThat(japan.timeout()).contains(Duration.ofSeconds(30));
    }

    @Test
    void addsTagsAndChecksOfTheFileToEachItemsOwnFileFirst() {
        Task japan = TaskFiles.load(CAPITALS).tasks().get(1);

        assertThat(japan.tags()).containsExactly("geography", "asia");
        assertThat(japan.checks()).extracting(Check::label).containsExactly("output", "spans[0] \"chat *\"");
    }

    @Test
    void mergesToolsByNameTheItemsReplacingTheDefaultInItsPlace() {
        Task task = TaskFiles.load("""
                tools:
                  - {name: get_pod_status, result: Running}
                  - {name: get_pod_events, result: none}
                tasks:
                  - prompt: Why does it restart?
                    tools:
                      - {name: get_pod_events, result: OOMKilled}
                      - {name: get_logs, result: heap space}
                    reference:
                      tool-calls: [{name: get_logs}]
                    expect: {output: [contains: OOM]}
                """).tasks().get(0);

        assertThat(task.tools()).extracting(ToolFixture::name, ToolFixture::result).containsExactly(
                org.assertj.core.groups.Tuple.tuple("get_pod_status", "Running"),
                org.assertj.core.groups.Tuple.tuple("get_pod_events", "OOMKilled"),
                org.assertj.core.groups.Tuple.tuple("get_logs", "heap space"));
    }

    @Test
    void aSystemMessageOfTheItemsConversationReplacesTheDefaultSystem() {
        Task task = TaskFiles.load("""
                system: Be brief.
                tasks:
                  - messages:
                      - {role: system, content: Be thorough.}
                      - {role: user, content: Hi}
                    expect: {output: [contains: a]}
                """).tasks().get(0);

        assertThat(task.messages()).extracting(TaskMessage::content).containsExactly("Be thorough.", "Hi");
    }

    @Test
    void aFileIdSetsThePrefixOfItsItems() {
        assertThat(TaskFiles.load("""
                id: geo/capitals
                tasks:
                  - {id: france, prompt: "Capital of France?", expect: {output: [contains: Paris]}}
                """).tasks()).extracting(Task::id).containsExactly("geo/capitals/france");
    }

    @Test
    void aBrokenItemIsAProblemOfThatItemAndTheOthersLoad() {
        TaskFile file = TaskFiles.load("""
                tasks:
                  - {id: good, prompt: Hi, expect: {output: [contains: a]}}
                  - id: typo
                    prompt: Hi
                    expct: {output: [contains: a]}
                  - {prompt: Hi}
                  - {id: also-good, prompt: Hi, expect: {output: [contains: a]}}
                """);

        assertThat(file.items()).extracting(TaskFile.Item::id).containsExactly("t/good", "t/typo", "t/3", "t/also-good");
        assertThat(file.tasks()).extracting(Task::id).containsExactly("t/good", "t/also-good");
        assertThat(file.items().get(1).problem()).get().extracting(TaskFileException::getMessage).asString()
                .startsWith("t.yaml:5:5: unknown key \"expct\"; did you mean \"expect\"?");
        assertThat(file.items().get(2).problem()).get().extracting(TaskFileException::getMessage)
                .isEqualTo("t.yaml:6:5: the task has no checks; add at least one check under expect.output or"
                        + " expect.spans (a task that cannot fail proves nothing)");
    }

    @Test
    void anItemWithoutChecksOfItsOwnHasTheFiles() {
        assertThat(TaskFiles.load("""
                expect: {output: [contains: a]}
                tasks:
                  - prompt: Hi
                """).tasks()).singleElement().extracting(task -> task.checks().size()).isEqualTo(1);
    }

    @Test
    void aPassAboveTheTrialsOfAnotherLayerNamesWhereTheTrialsAre() {
        TaskFile file = TaskFiles.load("""
                pass: 2
                tasks:
                  - prompt: Hi
                    trials: 1
                    expect: {output: [contains: a]}
                """);

        assertThat(file.items().get(0).problem()).get().extracting(TaskFileException::getMessage)
                .isEqualTo("t.yaml:1:7: pass is 2 but trials is 1 (trials: at t.yaml:4:13); write all, any, or a"
                        + " number from 1 to trials (1)");
    }

    @Test
    void aLaterItemWithTheSameIdIsAProblemNamedAfterItsPlace() {
        TaskFile file = TaskFiles.load("""
                tasks:
                  - {id: a, prompt: Hi, expect: {output: [contains: a]}}
                  - {id: a, prompt: Ho, expect: {output: [contains: a]}}
                """);

        assertThat(file.items()).extracting(TaskFile.Item::id).containsExactly("t/a", "t/a (t.yaml:3:5)");
        assertThat(file.items().get(1).problem()).get().extracting(TaskFileException::getMessage)
                .isEqualTo("t.yaml:3:5: duplicate task id \"t/a\": already used by t.yaml:2:5; give one of them a"
                        + " different id (the id: key of the item)");
    }

    @Test
    void aMistakeInTheDefaultsIsAnErrorOfTheWholeFile() {
        assertThat(TaskFiles.error("""
                trials: many
                tasks:
                  - {prompt: Hi, expect: {output: [contains: a]}}
                """)).isEqualTo("t.yaml:1:9: trials must be a whole number of at least 1, was a string");
        assertThat(TaskFiles.error("""
                prompt: Hi
                tasks:
                  - {prompt: Hi, expect: {output: [contains: a]}}
                """)).startsWith("t.yaml:1:1: unknown key \"prompt\". Allowed here: id, tags, system, tools, trials,"
                + " pass, timeout, expect, cluster, tasks");
    }

    @Test
    void refusesAnEmptyListAndAListThatIsNotOne() {
        assertThat(TaskFiles.error("tasks: []\n")).startsWith("t.yaml:1:8: tasks is empty; add at least one task");
        assertThat(TaskFiles.error("tasks: {prompt: Hi}\n"))
                .isEqualTo("t.yaml:1:8: tasks must be a list of tasks, each a mapping with prompt: and expect:, was a mapping");
    }

    @Test
    void refusesAFileThatIsBothAListAndADataset() {
        assertThat(TaskFiles.error("""
                tasks: [{prompt: Hi, expect: {output: [contains: a]}}]
                dataset: rows.jsonl
                """)).startsWith("t.yaml:2:1: a file holds a task list (tasks:) or a dataset (dataset: and template:),"
                + " not both");
    }
}
