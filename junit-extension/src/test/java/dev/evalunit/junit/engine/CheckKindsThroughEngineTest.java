package dev.evalunit.junit.engine;

import dev.evalunit.junit.EvalSuite;
import dev.evalunit.junit.ModelUnderTest;
import dev.evalunit.model.Agent;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.opentest4j.AssertionFailedError;

import static dev.evalunit.junit.engine.EngineRuns.ENGINE;
import static dev.evalunit.junit.engine.EngineRuns.evalunit;
import static dev.evalunit.junit.engine.EngineRuns.failureOf;
import static dev.evalunit.junit.engine.EngineRuns.passedTests;
import static dev.evalunit.junit.engine.EngineRuns.taskId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

/**
 * Every kind of check, run through the engine: each file of engine/checks holds one kind, with a
 * reference that passes it. The nop model (empty answer, no tool call) fails most of them; an
 * agent that makes the one mistake each remaining check is there to catch fails the rest.
 */
class CheckKindsThroughEngineTest {

    private static final String CHECKS = "engine/checks";
    private static final String EVENTS = "{\"pod\":\"checkout\"}";

    @EvalSuite(CHECKS)
    static class WrongMovesSuite {

        /** For each task, the mistake its check must catch; an empty answer to the others. */
        @ModelUnderTest
        static final Agent WRONG_MOVES = context -> {
            switch (context.task().id()) {
                case "output-not-contains":
                    return "I deleted the pod.";
                case "attribute-exists":
                    // Called without the call id a model gives each call.
                    context.executeTool("get_pod_events", EVENTS);
                    return "";
                case "count":
                    context.executeTool("delete_pod", EVENTS);
                    return "";
                case "status":
                    // Not a tool of the task: its span is an error.
                    context.executeTool("get_pod_logs", EVENTS);
                    return "";
                case "parent":
                    Span plan = context.openTelemetry().getTracer("wrong-moves").spanBuilder("plan").startSpan();
                    try (Scope ignored = plan.makeCurrent()) {
                        context.executeTool("get_pod_events", EVENTS);
                    } finally {
                        plan.end();
                    }
                    return "";
                case "after":
                    context.executeTool("restart_pod", EVENTS);
                    context.executeTool("get_pod_events", EVENTS);
                    return "";
                default:
                    return "";
            }
        };
    }

    @Test
    void passesEveryCheckKindUnderTheOracle() {
        EngineExecutionResults results = evalunit("oracle").selectors(selectClasspathResource(CHECKS)).execute();

        results.testEvents().assertStatistics(stats -> stats.started(15).succeeded(15));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            output-contains      | output: expected to contain "OOMKilled", was "" (empty answer)
            output-equals        | output: expected to equal "OOMKilled", was "" (empty answer)
            output-matches       | 'output: expected to match /(?i)out of memory|oom/, was "" (empty answer)'
            span-name            | spans[0] "execute_tool get_*": expected count >= 1, found 0; no span is named "execute_tool get_*"
            attribute-equals     | chat nop: gen_ai.response.model was "nop", expected = "oracle"
            attribute-comparison | chat nop: gen_ai.usage.output_tokens was 0, expected > 0
            attribute-matches    | chat nop: gen_ai.request.model was "nop", expected matches /^orac.*/
            attribute-contains   | invoke_agent nop: gen_ai.agent.name was "nop", expected contains "racl"
            attribute-exists     | spans[0] "execute_tool *": expected count >= 1, found 0
            count                | spans[0] "chat *": expected count 2, found 1 (chat nop)
            status               | spans[0] "execute_tool get_*": expected count >= 1, found 0
            parent               | spans[0] "execute_tool *": expected count >= 1, found 0
            after                | spans[0] "execute_tool restart_pod": expected count >= 1, found 0
            sum                  | spans[0] "chat *": sum of gen_ai.usage.output_tokens over 1 span: expected > 0, was 0
            """)
    void failsUnderNop(String task, String expected) {
        EngineExecutionResults results = evalunit("nop")
                .selectors(selectUniqueId(ENGINE.append("classpath", CHECKS).append("task", task))).execute();

        Throwable failure = failureOf(results, task);
        assertThat(failure).isInstanceOf(AssertionFailedError.class).hasMessageContaining(expected);
    }

    @Test
    void passesNotContainsUnderNopWhoseAnswerIsEmpty() {
        EngineExecutionResults results = evalunit("nop")
                .selectors(selectUniqueId(ENGINE.append("classpath", CHECKS).append("task", "output-not-contains")))
                .execute();

        assertThat(passedTests(results)).containsExactly("output-not-contains");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            output-not-contains | output: expected not to contain "delete", found it at offset 2 in "I deleted the pod."
            attribute-exists    | execute_tool get_pod_events: gen_ai.tool.call.id was absent, expected exists
            count               | spans[1] "execute_tool delete_*": expected count 0, found 1 (execute_tool delete_pod {"pod":"checkout"})
            status              | execute_tool get_pod_logs: status was ERROR, expected UNSET
            parent              | execute_tool get_pod_events: parent was "plan", expected "invoke_agent *"
            after               | execute_tool restart_pod {"pod":"checkout"} started before any "execute_tool get_*" span ended
            """)
    void failsUnderAnAgentMakingTheMistakeTheCheckCatches(String task, String expected) {
        EngineExecutionResults results = evalunit()
                .selectors(selectUniqueId(taskId(WrongMovesSuite.class, task))).execute();

        Throwable failure = failureOf(results, task);
        assertThat(failure).isInstanceOf(AssertionFailedError.class).hasMessageContaining(expected);
    }
}
