package dev.evalunit.task;

import org.junit.jupiter.api.Test;

import static dev.evalunit.task.TaskFiles.error;
import static org.assertj.core.api.Assertions.assertThat;

/** Every rule of the format is enforced, at the offending node, with what to do. */
class TaskFileFormatErrorsTest {

    private static final String ALLOWED = "Allowed here: id, title, tags, system, prompt, messages, tools,"
            + " reference, workspace, run, answer, agent, trials, pass, timeout, expect, cluster";

    @Test
    void refusesAnUnknownKeySuggestingTheClosestKey() {
        assertThat(error("""
                prompt: Hi
                expct:
                  output: [contains: a]
                """)).isEqualTo("t.yaml:2:1: unknown key \"expct\"; did you mean \"expect\"? " + ALLOWED);
    }

    @Test
    void refusesAnUnknownKeyWithoutSuggestionWhenNoKeyIsClose() {
        assertThat(error("""
                prompt: Hi
                owner: sre-team
                expect: {output: [contains: a]}
                """)).isEqualTo("t.yaml:2:1: unknown key \"owner\". " + ALLOWED);
    }

    @Test
    void refusesAnUnknownKeyOfANestedMapping() {
        assertThat(error("""
                prompt: Hi
                expect:
                  spans:
                    - name: chat
                      parnet: invoke_agent
                """)).isEqualTo("t.yaml:5:7: unknown key \"parnet\"; did you mean \"parent\"?"
                + " Allowed here: name, attributes, count, status, status-description, parent, ancestor, encloses, after, sum, kind, resource, scope, events, links");
    }

    @Test
    void refusesAValueOfTheWrongTypeNamingTheKeyAndTheExpectedType() {
        assertThat(error("""
                prompt: Hi
                tags: {team: sre}
                expect: {output: [contains: a]}
                """)).isEqualTo("t.yaml:2:7: tags must be a list of strings, was a mapping");
        assertThat(error("""
                prompt: [Hi]
                expect: {output: [contains: a]}
                """)).isEqualTo("t.yaml:1:9: prompt must be text, was a list");
    }

    @Test
    void refusesATaskWithoutPromptOrMessagesAtTheTask() {
        assertThat(error("""
                title: Diagnoses an OOM-killed pod
                expect: {output: [contains: a]}
                """)).isEqualTo("t.yaml:1:1: the task has no prompt; add prompt: with the user's message,"
                + " or messages: with a conversation");
    }

    @Test
    void refusesAKeyWithoutValue() {
        assertThat(error("""
                prompt:
                expect: {output: [contains: a]}
                """)).isEqualTo("t.yaml:1:8: missing value for prompt; write a value");
        assertThat(error("""
                prompt: ""
                expect: {output: [contains: a]}
                """)).isEqualTo("t.yaml:1:9: missing value for prompt; write a value");
    }

    @Test
    void refusesBothPromptAndMessagesAtTheSecondOfThem() {
        assertThat(error("""
                prompt: Hi
                messages: [{role: user, content: Hi}]
                expect: {output: [contains: a]}
                """)).isEqualTo("t.yaml:2:1: prompt and messages are both given; keep one: prompt for a single"
                + " user message, messages for a conversation");
    }

    @Test
    void refusesASystemMessageGivenTwice() {
        assertThat(error("""
                system: Be brief.
                messages:
                  - {role: system, content: Be thorough.}
                  - {role: user, content: Hi}
                expect: {output: [contains: a]}
                """)).isEqualTo("t.yaml:3:12: a system message is given both in system: and in messages;"
                + " keep one of them");
    }

    @Test
    void refusesAnUnknownRoleAndAMessageWithoutContent() {
        assertThat(error("""
                messages:
                  - {role: usr, content: Hi}
                expect: {output: [contains: a]}
                """)).isEqualTo("t.yaml:2:12: unknown role \"usr\"; did you mean \"user\"?"
                + " Roles: system, user, assistant");
        assertThat(error("""
                messages:
                  - {role: user}
                expect: {output: [contains: a]}
                """)).isEqualTo("t.yaml:2:5: messages[0] has no content; add content: with what is said");
    }

    @Test
    void refusesATagJUnitWouldRefuse() {
        assertThat(error("""
                prompt: Hi
                tags: [sre, "on call"]
                expect: {output: [contains: a]}
                """)).isEqualTo("t.yaml:2:13: tag \"on call\" is not a valid JUnit tag: a tag has no whitespace,"
                + " no control characters and none of , ( ) & | !; rename it, such as sre-tools");
    }

    @Test
    void refusesAnUnknownOutputCheckSuggestingTheClosest() {
        assertThat(error("""
                prompt: Hi
                expect:
                  output:
                    - contain: OOM
                """)).isEqualTo("t.yaml:4:7: unknown output check \"contain\"; did you mean \"contains\"?"
                + " Output checks: contains, not-contains, equals, matches, judge, similar");
    }

    @Test
    void refusesTwoChecksInOneOutputItem() {
        assertThat(error("""
                prompt: Hi
                expect:
                  output:
                    - contains: OOM
                      not-contains: delete
                """)).isEqualTo("t.yaml:4:7: expect.output[0] must hold exactly one check, such as"
                + " - contains: OOM; it holds 2 — write each check as an item of its own");
    }

    @Test
    void refusesABadRegexQuotingTheRegexEngine() {
        assertThat(error("""
                prompt: Hi
                expect:
                  output:
                    - contains: OOM
                    - matches: "(?i)memory (limit"
                """)).isEqualTo("t.yaml:5:16: expect.output[1].matches \"(?i)memory (limit\" is not a valid"
                + " regular expression: Unclosed group near index 17; fix the pattern (Java regex syntax)");
    }

    @Test
    void refusesABadCount() {
        assertThat(error("""
                prompt: Hi
                expect:
                  spans:
                    - name: chat
                      count: about 3
                """)).isEqualTo("t.yaml:5:14: expect.spans[0].count \"about 3\" is not a count; write a number"
                + " (exactly that many spans) or an operator and a number, such as \">= 1\" or \"< 3\"");
        assertThat(error("""
                prompt: Hi
                expect:
                  spans:
                    - name: chat
                      count: -1
                """)).isEqualTo("t.yaml:5:14: expect.spans[0].count must be a number of spans (0 or more),"
                + " was -1; write a count such as 1, or a comparison such as \">= 1\"");
    }

    @Test
    void refusesABadStatusSuggestingTheClosest() {
        assertThat(error("""
                prompt: Hi
                expect:
                  spans:
                    - name: chat
                      status: Error
                """)).isEqualTo("t.yaml:5:15: unknown span status \"Error\"; did you mean \"ERROR\"?"
                + " Span statuses: OK, ERROR, UNSET");
    }

    @Test
    void refusesTextThatStartsLikeAComparisonButIsNotOne() {
        assertThat(error("""
                prompt: Hi
                expect:
                  spans:
                    - name: chat
                      attributes:
                        gen_ai.usage.output_tokens: "< lots"
                """)).isEqualTo("t.yaml:6:37: expect.spans[0].attributes.gen_ai.usage.output_tokens \"< lots\""
                + " is not a comparison; write an operator (<, <=, >, >=, == or !=) and a number, such as"
                + " \"< 500\"; to match text that starts with an operator, use {contains: ...} or {matches: ...}");
    }

    @Test
    void refusesASumThatIsNotAComparison() {
        assertThat(error("""
                prompt: Hi
                expect:
                  spans:
                    - name: chat
                      sum:
                        gen_ai.usage.output_tokens: 2000
                """)).isEqualTo("t.yaml:6:37: expect.spans[0].sum.gen_ai.usage.output_tokens \"2000\" is not a"
                + " comparison; write an operator (<, <=, >, >=, == or !=) and a number, such as \"< 2000\"");
    }

    @Test
    void refusesAnUnknownAttributeConditionSuggestingTheClosest() {
        assertThat(error("""
                prompt: Hi
                expect:
                  spans:
                    - name: chat
                      attributes:
                        gen_ai.tool.call.arguments: {match: ".*checkout.*"}
                """)).isEqualTo("t.yaml:6:38: unknown attribute condition \"match\"; did you mean \"matches\"?"
                + " Attribute conditions: matches, contains, loose, exists");
    }

    @Test
    void refusesAnAttributeWithoutValueSuggestingExists() {
        assertThat(error("""
                prompt: Hi
                expect:
                  spans:
                    - name: chat
                      attributes:
                        error.type:
                """)).isEqualTo("t.yaml:6:20: missing value for expect.spans[0].attributes.error.type; write a"
                + " value, or {exists: false} to require that the attribute is absent");
    }

    @Test
    void refusesASpanExpectationWithoutName() {
        assertThat(error("""
                prompt: Hi
                expect:
                  spans:
                    - count: 1
                """)).isEqualTo("t.yaml:4:7: expect.spans[0] has no name; add name: with a span name or a glob,"
                + " such as \"execute_tool get_*\"");
    }

    @Test
    void refusesPassAboveTrials() {
        assertThat(error("""
                prompt: Hi
                trials: 3
                pass: 5
                expect: {output: [contains: a]}
                """)).isEqualTo("t.yaml:3:7: pass is 5 but trials is 3; write all, any, or a number from 1 to"
                + " trials (3)");
    }

    @Test
    void refusesAnUnknownPassSuggestingTheClosest() {
        assertThat(error("""
                prompt: Hi
                pass: al
                expect: {output: [contains: a]}
                """)).isEqualTo("t.yaml:2:7: pass \"al\" is not valid; did you mean \"all\"? Write all, any, a"
                + " number from 1 to trials (1), or {rate: 0.8, maxTrials: 10}");
    }

    @Test
    void refusesTrialsBelowOne() {
        assertThat(error("""
                prompt: Hi
                trials: 0
                expect: {output: [contains: a]}
                """)).isEqualTo("t.yaml:2:9: trials must be at least 1, was 0; write how many times to run the"
                + " task, such as 3");
    }

    @Test
    void refusesMoreTrialsThanTheMaximum() {
        assertThat(error("""
                prompt: Hi
                trials: 100000000
                expect: {output: [contains: a]}
                """)).isEqualTo("t.yaml:2:9: trials 100000000 is too large; write at most 1000 (each trial is a model"
                + " call; a pass rate needs far fewer)");
    }

    @Test
    void refusesATimeoutThatIsNotADuration() {
        assertThat(error("""
                prompt: Hi
                timeout: 60
                expect: {output: [contains: a]}
                """)).isEqualTo("t.yaml:2:10: timeout \"60\" is not a duration; write a positive number followed"
                + " by ms, s, m or h, such as 90s or 5m");
    }

    @Test
    void refusesAReferenceCallingAnUndeclaredToolSuggestingTheClosest() {
        assertThat(error("""
                prompt: Hi
                tools:
                  - name: get_pod_events
                    result: OOMKilled
                reference:
                  tool-calls:
                    - name: get_pod_event
                expect: {output: [contains: a]}
                """)).isEqualTo("t.yaml:7:13: unknown tool \"get_pod_event\"; did you mean \"get_pod_events\"?"
                + " Tools of this task: get_pod_events");
        assertThat(error("""
                prompt: Hi
                reference:
                  tool-calls: [{name: get_pod_events}]
                expect: {output: [contains: a]}
                """)).isEqualTo("t.yaml:3:23: unknown tool \"get_pod_events\": the task declares no tools;"
                + " declare it under tools:");
    }

    @Test
    void refusesArgumentsThatAreNotAMapping() {
        assertThat(error("""
                prompt: Hi
                tools: [{name: a, result: x}]
                reference:
                  tool-calls: [{name: a, arguments: [checkout]}]
                expect: {output: [contains: a]}
                """)).isEqualTo("t.yaml:4:37: reference.tool-calls[0].arguments must be a mapping of argument"
                + " names to values, was a list");
    }

    @Test
    void refusesAToolWithoutResultAtTheTool() {
        assertThat(error("""
                prompt: Hi
                tools:
                  - name: get_pod_events
                    description: Returns recent events.
                expect: {output: [contains: a]}
                """)).isEqualTo("t.yaml:3:5: tool \"get_pod_events\" has no result; add result: with what a call"
                + " returns to the model (text, or any YAML value, which is sent as JSON)");
    }

    @Test
    void refusesAToolNameOpenAICompatibleApisRefuse() {
        assertThat(error("""
                prompt: Hi
                tools:
                  - name: get pod events
                    result: x
                expect: {output: [contains: a]}
                """)).isEqualTo("t.yaml:3:11: tool name \"get pod events\" is not valid; use 1 to 64 letters,"
                + " digits, _ or - (what OpenAI-compatible APIs accept)");
    }

    @Test
    void refusesAToolDeclaredTwice() {
        assertThat(error("""
                prompt: Hi
                tools:
                  - {name: get_pod_events, result: x}
                  - {name: get_pod_events, result: y}
                expect: {output: [contains: a]}
                """)).isEqualTo("t.yaml:4:12: duplicate tool name \"get_pod_events\": it is already declared at"
                + " line 3; rename or remove one of them");
    }

    @Test
    void refusesParametersLangChain4jCannotUse() {
        assertThat(error("""
                prompt: Hi
                tools:
                  - name: get_pod_events
                    parameters: {type: string}
                    result: x
                expect: {output: [contains: a]}
                """)).isEqualTo("t.yaml:4:17: tools[0].parameters is not a JSON Schema LangChain4j can use:"
                + " parameters must be a JSON Schema with type: object, was string; write an object schema, such"
                + " as {type: object, properties: {pod: {type: string}}, required: [pod]}");
    }

    @Test
    void refusesATaskWithoutChecks() {
        String noChecks = "the task has no checks; add at least one check under expect.output or expect.spans"
                + " (a task that cannot fail proves nothing)";
        assertThat(error("prompt: Hi\n")).isEqualTo("t.yaml:1:1: " + noChecks);
        assertThat(error("""
                prompt: Hi
                expect:
                  output: []
                  spans: []
                """)).isEqualTo("t.yaml:3:3: " + noChecks);
    }
}
