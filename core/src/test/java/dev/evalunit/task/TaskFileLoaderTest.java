package dev.evalunit.task;

import dev.evalunit.check.Check;
import dev.evalunit.check.Evidence;
import dev.evalunit.check.SpanExpectation;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import dev.evalunit.source.SourcePosition;

import static dev.evalunit.task.TaskFiles.task;
import static org.assertj.core.api.Assertions.assertThat;

class TaskFileLoaderTest {

    private static final String EVERY_FIELD = """
            id: sre/oom
            title: Diagnoses an OOM-killed pod
            tags: [sre, tools]
            system: You are an on-call SRE.
            prompt: The checkout pod keeps restarting.
            tools:
              - name: get_pod_events
                description: Returns recent Kubernetes events for a pod.
                parameters: {type: object, properties: {pod: {type: string}}, required: [pod]}
                result: "Warning OOMKilled: container exceeded its 512Mi limit"
              - name: get_limits
                result: {memory: 512Mi, restarts: 7, ready: false, ratio: 0.5, note: ~}
            reference:
              tool-calls:
                - {name: get_pod_events, arguments: {pod: checkout}}
                - name: get_limits
              output: The pod was OOMKilled; I raised its limit.
            trials: 3
            pass: 2
            timeout: 60s
            expect:
              spans:
                - name: "execute_tool get_*"
                  attributes:
                    gen_ai.tool.name: get_pod_events
                    gen_ai.usage.output_tokens: "< 500"
                    gen_ai.tool.call.arguments: {matches: ".*checkout.*"}
                  count: ">= 1"
                  status: ERROR
                  parent: "invoke_agent *"
                  after: execute_tool get_pod_events
                  sum:
                    gen_ai.usage.output_tokens: "< 2000"
              output:
                - contains: OOM
                - not-contains: delete
                - equals: 42
                - matches: "(?i)memory limit"
            """;

    @Test
    void readsEveryFieldOfAFullTask() {
        Task task = task(EVERY_FIELD);

        assertThat(task.id()).isEqualTo("sre/oom");
        assertThat(task.title()).contains("Diagnoses an OOM-killed pod");
        assertThat(task.tags()).containsExactly("sre", "tools");
        assertThat(task.messages()).containsExactly(
                new TaskMessage(TaskMessage.Role.SYSTEM, "You are an on-call SRE."),
                new TaskMessage(TaskMessage.Role.USER, "The checkout pod keeps restarting."));
        assertThat(task.tools()).containsExactly(
                new ToolFixture("get_pod_events", "Returns recent Kubernetes events for a pod.",
                        Map.of("type", "object", "properties", Map.of("pod", Map.of("type", "string")),
                                "required", List.of("pod")),
                        "Warning OOMKilled: container exceeded its 512Mi limit"),
                new ToolFixture("get_limits", "", Map.of(),
                        "{\"memory\":\"512Mi\",\"restarts\":7,\"ready\":false,\"ratio\":0.5,\"note\":null}"));
        assertThat(task.reference()).contains(new Reference(
                List.of(new ToolCall("get_pod_events", "{\"pod\":\"checkout\"}"), new ToolCall("get_limits", "{}")),
                "The pod was OOMKilled; I raised its limit."));
        assertThat(task.trials()).isEqualTo(3);
        assertThat(task.pass()).isEqualTo(PassPolicy.atLeast(2));
        assertThat(task.timeout()).contains(Duration.ofSeconds(60));
        assertThat(task.source()).hasToString("t.yaml:1:1");
    }

    @Test
    void listsOutputChecksFirstThenSpanExpectationsEachInFileOrder() {
        List<Check> checks = task(EVERY_FIELD).checks();

        assertThat(checks).extracting(Check::label)
                .containsExactly("output", "output", "output", "output", "spans[0] \"execute_tool get_*\"");
        assertThat(checks.get(4)).isInstanceOf(SpanExpectation.class);
    }

    @Test
    void mapsEachOutputCheckKeyToItsCheck() {
        List<Check> checks = task(EVERY_FIELD).checks();

        assertThat(passes(checks.get(0), "OOMKilled")).isTrue();
        assertThat(passes(checks.get(0), "fine")).isFalse();
        assertThat(passes(checks.get(1), "delete the pod")).isFalse();
        assertThat(passes(checks.get(1), "raise the limit")).isTrue();
        assertThat(passes(checks.get(2), "42")).as("a number is compared as the text written").isTrue();
        assertThat(passes(checks.get(2), "42.0")).isFalse();
        assertThat(passes(checks.get(3), "raised the Memory Limit")).isTrue();
        assertThat(passes(checks.get(3), "raised the CPU limit")).isFalse();
    }

    @Test
    void describesEveryToolToLangChain4j() {
        assertThat(task(EVERY_FIELD).tools().get(0).specification().parameters().required()).containsExactly("pod");
    }

    @Test
    void fillsDefaultsForEveryOptionalField() {
        Task task = task("""
                prompt: Hi
                expect:
                  output:
                    - contains: hello
                """);

        assertThat(task.id()).as("the default id, from the path").isEqualTo("t");
        assertThat(task.title()).isEmpty();
        assertThat(task.tags()).isEmpty();
        assertThat(task.messages()).containsExactly(new TaskMessage(TaskMessage.Role.USER, "Hi"));
        assertThat(task.tools()).isEmpty();
        assertThat(task.reference()).isEmpty();
        assertThat(task.trials()).isEqualTo(1);
        assertThat(task.pass()).isEqualTo(PassPolicy.ALL);
        assertThat(task.timeout()).isEmpty();
        assertThat(task.checks()).hasSize(1);
    }

    @Test
    void usesTheDefaultIdOnlyWhenTheFileSetsNone() {
        assertThat(new TaskFileLoader().load(TaskFiles.URI_OF_T, "sre/tools/oom.yaml", "tools/oom", """
                prompt: Hi
                expect: {output: [contains: a]}
                """).tasks().get(0).id()).isEqualTo("tools/oom");
        assertThat(new TaskFileLoader().load(TaskFiles.URI_OF_T, "sre/tools/oom.yaml", "tools/oom", """
                id: oom-killed
                prompt: Hi
                expect: {output: [contains: a]}
                """).tasks().get(0).id()).isEqualTo("oom-killed");
    }

    @Test
    void placesTheTaskAndTheFileInTheirSource() {
        TaskFile file = TaskFiles.load("""
                # An OOM-killed pod.

                prompt: Hi
                expect: {output: [contains: a]}
                """);

        assertThat(file.source()).isEqualTo(SourcePosition.startOf(TaskFiles.URI_OF_T, "t.yaml"));
        assertThat(file.tasks().get(0).source()).hasToString("t.yaml:3:1");
    }

    @Test
    void readsAConversationAsMessagesInOrderAfterTheSystemMessage() {
        Task task = task("""
                system: Be brief.
                messages:
                  - {role: user, content: Hi}
                  - role: assistant
                    content: Hello.
                  - {role: user, content: 42}
                expect: {output: [contains: a]}
                """);

        assertThat(task.messages()).containsExactly(
                new TaskMessage(TaskMessage.Role.SYSTEM, "Be brief."),
                new TaskMessage(TaskMessage.Role.USER, "Hi"),
                new TaskMessage(TaskMessage.Role.ASSISTANT, "Hello."),
                new TaskMessage(TaskMessage.Role.USER, "42"));
    }

    @Test
    void readsPassAsAllAnyOrANumber() {
        assertThat(task("prompt: Hi\ntrials: 3\npass: any\nexpect: {output: [contains: a]}").pass())
                .isEqualTo(PassPolicy.ANY);
        assertThat(task("prompt: Hi\ntrials: 3\npass: all\nexpect: {output: [contains: a]}").pass())
                .isEqualTo(PassPolicy.ALL);
        assertThat(task("prompt: Hi\ntrials: 3\npass: 3\nexpect: {output: [contains: a]}").pass())
                .isEqualTo(PassPolicy.atLeast(3));
    }

    @Test
    void readsAnIntegerCountAsExactlyThatManySpans() {
        Task task = task("""
                prompt: Hi
                expect:
                  spans:
                    - name: "execute_tool delete_*"
                      count: 0
                    - name: "execute_tool delete_*"
                """);
        Evidence noSpans = new Evidence("", List.of());

        assertThat(task.checks().get(0).evaluate(noSpans).passed()).as("count: 0").isTrue();
        assertThat(task.checks().get(1).evaluate(noSpans).passed()).as("the default count, >= 1").isFalse();
    }

    @Test
    void acceptsATaskWithOnlySpanChecks() {
        assertThat(task("""
                prompt: Hi
                expect:
                  spans: [{name: chat}]
                """).checks()).extracting(Check::label).containsExactly("spans[0] \"chat\"");
    }

    private static boolean passes(Check check, String output) {
        return check.evaluate(new Evidence(output, List.of())).passed();
    }
}
