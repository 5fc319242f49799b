package dev.evalunit.task;

import dev.evalunit.check.Check;
import dev.evalunit.check.Evidence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import dev.evalunit.source.TaskFileException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A dataset with a template: each row of a JSON Lines or CSV file fills the template into a task. */
class DatasetTest {

    @TempDir
    Path suite;

    private static final String CAPITALS_TEMPLATE = """
            dataset: capitals.jsonl
            template:
              prompt: "What is the capital of {{country}}?"
              reference: {output: "{{capital}}"}
              expect:
                output:
                  - contains: "{{capital}}"
            """;

    @Test
    void eachRowIsATaskNamedAfterTheFileAndTheRowsIdOrNumber() throws IOException {
        write("capitals.jsonl", """
                {"id": "fr", "country": "France", "capital": "Paris"}
                {"country": "Japan", "capital": "Tokyo"}
                """);

        TaskFile file = load("geo.yaml", CAPITALS_TEMPLATE);

        assertThat(file.form()).isEqualTo(TaskFile.Form.DATASET);
        assertThat(file.tasks()).extracting(Task::id).containsExactly("geo/fr", "geo/2");
        assertThat(file.tasks().get(1).messages()).containsExactly(
                new TaskMessage(TaskMessage.Role.USER, "What is the capital of Japan?"));
        assertThat(file.tasks().get(1).reference()).contains(new Reference(List.of(), "Tokyo"));
        assertThat(passes(file.tasks().get(1).checks().get(0), "It is Tokyo.")).isTrue();
        assertThat(passes(file.tasks().get(1).checks().get(0), "It is Paris.")).isFalse();
    }

    @Test
    void placesEachTaskAtItsRowsLineInTheDataset() throws IOException {
        write("capitals.jsonl", """
                {"country": "France", "capital": "Paris"}

                {"country": "Japan", "capital": "Tokyo"}
                """);

        List<Task> tasks = load("geo.yaml", CAPITALS_TEMPLATE).tasks();

        assertThat(tasks).extracting(Task::id).as("a blank line is no row").containsExactly("geo/1", "geo/2");
        assertThat(tasks).extracting(task -> task.source().toString())
                .containsExactly("capitals.jsonl:1:1", "capitals.jsonl:3:1");
        assertThat(tasks.get(0).source().uri()).isEqualTo(suite.resolve("capitals.jsonl").toUri());
    }

    @Test
    void fillsPlaceholdersInEveryValueOfTheTemplate() throws IOException {
        write("incidents.jsonl", """
                {"id": "INC-1", "team": "payments", "summary": "checkout 502s", "severity": "SEV1", \
                "pod": "checkout-1", "events": {"reason": "OOMKilled", "count": 14}, "budget": 300, "runs": 3}
                """);

        Task task = load("triage.yaml", """
                dataset: incidents.jsonl
                template:
                  title: "Triage {{id}}"
                  tags: ["{{team}}"]
                  system: "You triage incidents for {{team}}."
                  messages:
                    - {role: user, content: "Incident: {{summary}}"}
                  tools:
                    - name: get_events
                      description: "Events of {{team}} pods"
                      result: "{{events}}"
                  reference:
                    tool-calls: [{name: get_events, arguments: {pod: "{{pod}}"}}]
                    output: "{{severity}}: {{summary}}"
                  trials: "{{runs}}"
                  expect:
                    output:
                      - equals: "{{severity}}: {{summary}}"
                      - matches: "^{{severity}}\\\\b"
                    spans:
                      - name: "execute_tool get_events"
                        attributes:
                          gen_ai.tool.call.arguments: {contains: "{{pod}}"}
                      - name: "chat *"
                        sum:
                          gen_ai.usage.output_tokens: "< {{budget}}"
                """).tasks().get(0);

        assertThat(task.id()).isEqualTo("triage/INC-1");
        assertThat(task.title()).contains("Triage INC-1");
        assertThat(task.tags()).containsExactly("payments");
        assertThat(task.messages()).extracting(TaskMessage::content)
                .containsExactly("You triage incidents for payments.", "Incident: checkout 502s");
        assertThat(task.tools()).singleElement().satisfies(tool -> {
            assertThat(tool.description()).isEqualTo("Events of payments pods");
            assertThat(tool.result()).as("an object fills as structured data, sent as JSON")
                    .isEqualTo("{\"reason\":\"OOMKilled\",\"count\":14}");
        });
        assertThat(task.reference()).contains(new Reference(
                List.of(new ToolCall("get_events", "{\"pod\":\"checkout-1\"}")), "SEV1: checkout 502s"));
        assertThat(task.trials()).as("a number fills a number").isEqualTo(3);
        assertThat(passes(task.checks().get(0), "SEV1: checkout 502s")).isTrue();
        assertThat(passes(task.checks().get(1), "SEV1 because")).isTrue();
        assertThat(passes(task.checks().get(1), "SEV2 because")).isFalse();
        assertThat(task.checks()).extracting(Check::label).containsExactly("output", "output",
                "spans[0] \"execute_tool get_events\"", "spans[1] \"chat *\"");
    }

    @Test
    void readsCsvWithAHeaderQuotedValuesAndValuesSpanningLines() throws IOException {
        write("capitals.csv", "id,country,capital,trials\r\n"
                + "fr,France,Paris,2\r\n"
                + "\"jp\",\"Japan, the \"\"land of the rising sun\"\"\",Tokyo,1\r\n"
                + "nl,\"The\nNetherlands\",Amsterdam,3\r\n"
                + "de,Germany,Berlin,1");

        List<Task> tasks = load("geo.yaml", """
                dataset: capitals.csv
                template:
                  prompt: "Capital of {{country}}?"
                  trials: "{{trials}}"
                  expect: {output: [contains: "{{capital}}"]}
                """).tasks();

        assertThat(tasks).extracting(Task::id).containsExactly("geo/fr", "geo/jp", "geo/nl", "geo/de");
        assertThat(tasks).extracting(task -> task.messages().get(0).content()).containsExactly("Capital of France?",
                "Capital of Japan, the \"land of the rising sun\"?", "Capital of The\nNetherlands?", "Capital of Germany?");
        assertThat(tasks).extracting(Task::trials).as("a CSV value reads as YAML reads it unquoted")
                .containsExactly(2, 1, 3, 1);
        assertThat(tasks).extracting(task -> task.source().line()).containsExactly(2, 3, 4, 6);
    }

    @Test
    void sharesWhatNoPlaceholderTouchesBetweenRows() throws IOException {
        write("rows.jsonl", "{\"q\": \"a\"}\n{\"q\": \"b\"}\n");

        List<Task> tasks = load("shared.yaml", """
                dataset: rows.jsonl
                template:
                  system: A long system prompt every row shares.
                  prompt: "{{q}}"
                  tools: [{name: lookup, parameters: {type: object, properties: {q: {type: string}}}, result: x}]
                  expect: {output: [contains: x], spans: [{name: "chat *"}]}
                """).tasks();

        assertThat(tasks.get(1).tools().get(0)).isSameAs(tasks.get(0).tools().get(0));
        assertThat(tasks.get(1).checks().get(1)).isSameAs(tasks.get(0).checks().get(1));
        assertThat(tasks.get(1).messages().get(0).content()).isSameAs(tasks.get(0).messages().get(0).content());
    }

    @Test
    void sharesWhatRowsFillWithTheSameValuesSuchAsTheCheckOfALabel() throws IOException {
        write("rows.jsonl", "{\"q\": \"a\", \"label\": \"SEV1\"}\n{\"q\": \"b\", \"label\": \"SEV2\"}\n"
                + "{\"q\": \"c\", \"label\": \"SEV1\"}\n");

        List<Task> tasks = load("labels.yaml", """
                dataset: rows.jsonl
                template:
                  prompt: "{{q}}"
                  expect: {output: [matches: "^{{label}}\\\\b"]}
                """).tasks();

        assertThat(tasks.get(2).checks().get(0)).isSameAs(tasks.get(0).checks().get(0));
        assertThat(tasks.get(1).checks().get(0)).isNotSameAs(tasks.get(0).checks().get(0));
        assertThat(passes(tasks.get(1).checks().get(0), "SEV2 because")).isTrue();
    }

    @Test
    void refusesATemplateMadeEndlessByAnAlias() throws IOException {
        write("rows.jsonl", "{\"q\": \"a\"}\n");

        assertThat(error("loop.yaml", """
                dataset: rows.jsonl
                template:
                  prompt: "{{q}}"
                  tools: [{name: t, result: &loop ["{{q}}", *loop]}]
                  expect: {output: [contains: a]}
                """)).contains("nests more than 50 levels deep through aliases; expand the aliases");
    }

    @Test
    void aCsvHeaderThatNamesAColumnTwiceIsAnErrorOfTheFile() throws IOException {
        write("rows.csv", "q,q\na,b\n");

        assertThat(error("twice.yaml", """
                dataset: rows.csv
                template: {prompt: "{{q}}", expect: {output: [contains: a]}}
                """)).isEqualTo("rows.csv:1:1: the header names column \"q\" twice; give every column a name of its own");
    }

    @Test
    void aRowWhoseValuesFillTheTemplatePastTheLimitIsAProblemOfThatRowAndTheOtherRowsLoad() throws IOException {
        // A template of 100 kB that repeats a placeholder 20,000 times: a value of 1,000 characters fills it
        // to 20 million characters, a value of one character to 20,000.
        write("rows.jsonl", "{\"id\": \"bomb\", \"q\": \"" + "x".repeat(1000) + "\"}\n{\"id\": \"ok\", \"q\": \"a\"}\n");
        String template = "dataset: rows.jsonl\ntemplate:\n  prompt: \"" + "{{q}}".repeat(20_000) + "\"\n"
                + "  expect: {output: [contains: a]}\n";
        assertThat(template.length()).isLessThan(1_000_000);

        TaskFile file = load("bomb.yaml", template);

        assertThat(file.tasks()).extracting(Task::id).containsExactly("bomb/ok");
        assertThat(file.tasks().get(0).messages().get(0).content()).hasSize(20_000);
        assertThat(problem(file, 0)).isEqualTo("rows.jsonl:1:1: the row's values fill the template to more than"
                + " 10000000 characters of text (limit YamlLimits.MAX_EXPANDED_CHARACTERS; no setting raises it);"
                + " EvalUnit refuses it as a possible placeholder bomb — use each placeholder in fewer places, or"
                + " shorten the row's values");
    }

    @Test
    void aMalformedRowIsAProblemOfThatRowAndTheOtherRowsLoad() throws IOException {
        write("capitals.jsonl", """
                {"id": "fr", "country": "France", "capital": "Paris"}
                {"id": "xx", "country": "Atlantis"}
                {"id": "jp", "country": "Japan", capital: "Tokyo"}
                ["not", "an", "object"]
                {"id": "de", "country": "Germany", "capital": "Berlin"}
                """);

        TaskFile file = load("geo.yaml", CAPITALS_TEMPLATE);

        assertThat(file.tasks()).extracting(Task::id).containsExactly("geo/fr", "geo/de");
        assertThat(file.items()).extracting(TaskFile.Item::id)
                .containsExactly("geo/fr", "geo/xx", "geo/3", "geo/4", "geo/de");
        assertThat(problem(file, 1)).isEqualTo("capitals.jsonl:2:1: the row has no \"capital\", which the template"
                + " uses (at geo.yaml:4:23); add it to the row");
        assertThat(problem(file, 2)).startsWith("capitals.jsonl:3:34: the row is not valid JSON: Unexpected character"
                + " ('c' (code 99)): was expecting double-quote to start field name")
                .endsWith("; write each row as one JSON object on one line");
        assertThat(problem(file, 3)).isEqualTo("capitals.jsonl:4:1: the row must be a JSON object of column names to"
                + " values, such as {\"id\": \"INC-1\", \"summary\": \"...\"}; was an array");
    }

    @Test
    void aValueOfTheWrongTypeIsAProblemOfItsRowNamingTheColumnAndTheTemplate() throws IOException {
        write("rows.jsonl", """
                {"q": "fine", "n": 2}
                {"q": "", "n": 2}
                {"q": "fine", "n": "many"}
                {"q": {"an": "object"}, "n": 1}
                """);

        TaskFile file = load("typed.yaml", """
                dataset: rows.jsonl
                template:
                  prompt: "{{q}}"
                  trials: "{{n}}"
                  expect: {output: [contains: a]}
                """);

        assertThat(file.tasks()).extracting(Task::id).containsExactly("typed/1");
        assertThat(problem(file, 1)).isEqualTo("rows.jsonl:2:1: missing value for template.prompt; write a value"
                + " (the value of \"q\" in this row, filled into the template at typed.yaml:3:11)");
        assertThat(problem(file, 2)).isEqualTo("rows.jsonl:3:1: template.trials must be a whole number of at least 1,"
                + " was a string (the value of \"n\" in this row, filled into the template at typed.yaml:4:11)");
        assertThat(problem(file, 3)).isEqualTo("rows.jsonl:4:1: template.prompt must be text, was a mapping"
                + " (the value of \"q\" in this row, filled into the template at typed.yaml:3:11)");
    }

    @Test
    void aNullInsideTextOrAKeyGivenTwiceIsAProblemOfItsRow() throws IOException {
        write("rows.jsonl", "{\"q\": \"fine\"}\n{\"q\": null}\n{\"q\": \"a\", \"q\": \"b\"}\n");

        TaskFile file = load("nulls.yaml", """
                dataset: rows.jsonl
                template: {prompt: "Say {{q}}", expect: {output: [contains: a]}}
                """);

        assertThat(file.tasks()).extracting(Task::id).containsExactly("nulls/1");
        assertThat(problem(file, 1)).isEqualTo("rows.jsonl:2:1: the value of \"q\" is null, which cannot be put"
                + " inside the text at nulls.yaml:2:20; give the row a value");
        assertThat(problem(file, 2)).startsWith("rows.jsonl:3:15: the row is not valid JSON: Duplicate field 'q'");
    }

    @Test
    void readsACsvFileThatStartsWithAByteOrderMark() throws IOException {
        write("rows.csv", "\uFEFFid,q\nx,hello\n");

        assertThat(load("bom.yaml", """
                dataset: rows.csv
                template: {prompt: "{{q}}", expect: {output: [contains: a]}}
                """).tasks()).extracting(Task::id).containsExactly("bom/x");
    }

    @Test
    void aCsvRowWithTheWrongNumberOfValuesOrABrokenQuoteIsAProblemOfThatRow() throws IOException {
        write("capitals.csv", """
                country,capital
                France,Paris
                Japan
                Ger"many,Berlin
                Spain,Madrid
                """);

        TaskFile file = load("geo.yaml", """
                dataset: capitals.csv
                template: {prompt: "Capital of {{country}}?", expect: {output: [contains: "{{capital}}"]}}
                """);

        assertThat(file.tasks()).extracting(Task::id).containsExactly("geo/1", "geo/4");
        assertThat(problem(file, 1)).isEqualTo("capitals.csv:3:1: the row has 1 value but the header names 2 columns;"
                + " give every row one value per column (quote values that hold commas)");
        assertThat(problem(file, 2)).startsWith("capitals.csv:4:4: the row has a quote inside a value that does not"
                + " start with one");
    }

    @Test
    void aPlaceholderThatNamesNoColumnIsAnErrorOfTheFileSuggestingTheColumnMeant() throws IOException {
        write("capitals.jsonl", "{\"country\": \"France\", \"capital\": \"Paris\"}\n");
        write("capitals.csv", "country,capital\nFrance,Paris\n");

        assertThat(error("geo.yaml", CAPITALS_TEMPLATE.replace("{{country}}", "{{contry}}")))
                .isEqualTo("geo.yaml:3:11: the placeholder {{contry}} names no column: no row of capitals.jsonl has a"
                        + " column \"contry\"; did you mean \"country\"? Columns: country, capital");
        assertThat(error("geo.yaml", CAPITALS_TEMPLATE.replace("jsonl", "csv").replace("{{capital}}\"}", "{{town}}\"}")))
                .isEqualTo("geo.yaml:4:23: the placeholder {{town}} names no column: capitals.csv has no column"
                        + " \"town\". Columns: country, capital");
    }

    @Test
    void aDatasetThatCannotBeReadIsAnErrorOfTheFileNamingThePathTried() {
        assertThat(error("geo.yaml", CAPITALS_TEMPLATE.replace("capitals.jsonl", "data/capitals.jsonl")))
                .startsWith("geo.yaml:1:10: cannot read the dataset data/capitals.jsonl at "
                        + suite.resolve("data/capitals.jsonl") + " (java.nio.file.NoSuchFileException");
    }

    @Test
    void aMistakeOfTheTemplateItselfIsReportedOnceForTheFile() throws IOException {
        write("capitals.jsonl", "{\"country\": \"France\", \"capital\": \"Paris\"}\n{\"country\": \"Japan\", \"capital\": \"Tokyo\"}\n");

        assertThat(error("geo.yaml", CAPITALS_TEMPLATE + "  timeout: soon\n"))
                .isEqualTo("geo.yaml:8:12: template.timeout \"soon\" is not a duration; write a positive number"
                        + " followed by ms, s, m or h, such as 90s or 5m");
        assertThat(error("geo.yaml", """
                dataset: capitals.jsonl
                template:
                  prompt: "{{country}}"
                  reference: {output: "{{capital}}"}
                """)).startsWith("geo.yaml:3:3: the task has no checks");
        assertThat(error("geo.yaml", """
                dataset: capitals.jsonl
                template:
                  id: "{{country}}"
                  prompt: "{{country}}"
                  expect: {output: [contains: "{{capital}}"]}
                """)).startsWith("geo.yaml:3:3: template.id is not allowed: each row's id is its id column");
    }

    @Test
    void refusesADatasetWithoutRowsOrOfAnotherFormatOrWithoutTemplate() throws IOException {
        write("empty.jsonl", "\n");
        write("rows.txt", "a\n");

        assertThat(error("geo.yaml", CAPITALS_TEMPLATE.replace("capitals.jsonl", "empty.jsonl")))
                .startsWith("geo.yaml:1:10: the dataset empty.jsonl has no rows");
        assertThat(error("geo.yaml", CAPITALS_TEMPLATE.replace("capitals.jsonl", "rows.txt")))
                .startsWith("geo.yaml:1:10: dataset \"rows.txt\" is neither JSON Lines nor CSV");
        assertThat(error("geo.yaml", CAPITALS_TEMPLATE.replace("capitals.jsonl", "/etc/rows.jsonl")))
                .startsWith("geo.yaml:1:10: dataset \"/etc/rows.jsonl\" is not a relative path");
        assertThat(error("geo.yaml", "dataset: capitals.jsonl\n"))
                .startsWith("geo.yaml:1:1: the file has a dataset: but no template:");
    }

    @Test
    void aLaterRowWithTheSameIdIsAProblemNamedAfterItsPlace() throws IOException {
        write("capitals.jsonl", """
                {"id": "fr", "country": "France", "capital": "Paris"}
                {"id": "fr", "country": "Japan", "capital": "Tokyo"}
                """);

        TaskFile file = load("geo.yaml", CAPITALS_TEMPLATE);

        assertThat(file.items()).extracting(TaskFile.Item::id).containsExactly("geo/fr", "geo/fr (capitals.jsonl:2:1)");
        assertThat(problem(file, 1)).isEqualTo("capitals.jsonl:2:1: duplicate task id \"geo/fr\": already used by"
                + " capitals.jsonl:1:1; give one of them a different id (the id column of the row)");
    }

    @Test
    void findsTheDatasetNextToATaskFileInAJar() throws IOException {
        Path jar = suite.resolve("tasks.jar");
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
            for (String[] entry : new String[][] {{"geo/geo.yaml", CAPITALS_TEMPLATE},
                    {"geo/capitals.jsonl", "{\"country\": \"France\", \"capital\": \"Paris\"}\n"}}) {
                out.putNextEntry(new java.util.zip.ZipEntry(entry[0]));
                out.write(entry[1].getBytes(java.nio.charset.StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        java.net.URI yaml = java.net.URI.create("jar:" + jar.toUri() + "!/geo/geo.yaml");

        Task task = new TaskFileLoader().load(yaml, "geo/geo.yaml", "geo", CAPITALS_TEMPLATE).tasks().get(0);

        assertThat(task.source().uri()).hasToString("jar:" + jar.toUri() + "!/geo/capitals.jsonl");
        assertThat(task.source()).hasToString("geo/capitals.jsonl:1:1");
    }

    private void write(String name, String content) throws IOException {
        Path file = suite.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private TaskFile load(String name, String yaml) throws IOException {
        write(name, yaml);
        return new TaskFileLoader().load(suite.resolve(name).toUri(), name, name.replace(".yaml", ""), yaml);
    }

    private String error(String name, String yaml) {
        TaskFileException error = catchThrowableOfType(TaskFileException.class, () -> load(name, yaml));
        assertThat(error).as("loading should fail:%n%s", yaml).isNotNull();
        return error.getMessage();
    }

    private static String problem(TaskFile file, int item) {
        assertThat(file.items().get(item).problem()).as("item %s of %s", item, file.items()).isPresent();
        return file.items().get(item).problem().get().getMessage();
    }

    private static boolean passes(Check check, String output) {
        return check.evaluate(new Evidence(output, List.of())).passed();
    }
}
