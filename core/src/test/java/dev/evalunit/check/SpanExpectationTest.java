package dev.evalunit.check;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.regex.Pattern;

import static dev.evalunit.check.AttributeCondition.equalTo;
import static org.assertj.core.api.Assertions.assertThat;

class SpanExpectationTest {

    private final Spans spans = new Spans();

    private static Comparison comparison(String text) {
        return Comparison.parse(text).orElseThrow();
    }

    private CheckResult evaluate(SpanExpectation.Builder expectation) {
        return expectation.build().evaluate(spans.evidence());
    }

    @Nested
    class Label {

        @Test
        void namesThePositionInTheTaskFile() {
            assertThat(SpanExpectation.named("execute_tool delete_*").index(2).build().label())
                    .isEqualTo("spans[2] \"execute_tool delete_*\"");
        }

        @Test
        void namesOnlyTheGlobWithoutAPosition() {
            assertThat(SpanExpectation.named("execute_tool *").build().label()).isEqualTo("span \"execute_tool *\"");
        }
    }

    @Nested
    class Count {

        @Test
        void passesByDefaultWhenASpanHasTheName() {
            spans.span("execute_tool get_pod_events").end();

            CheckResult result = evaluate(SpanExpectation.named("execute_tool get_*"));

            assertThat(result).isEqualTo(
                    CheckResult.pass("span \"execute_tool get_*\"", "found 1 (execute_tool get_pod_events)"));
        }

        @Test
        void failsWhenAForbiddenToolWasCalledShowingItsArguments() {
            Span agent = spans.span("invoke_agent oracle").start();
            spans.span("execute_tool get_pod_events").parent(agent).arguments("{\"pod\":\"checkout\"}").end();
            spans.span("execute_tool delete_pod").parent(agent).arguments("{\"pod\":\"checkout\"}").end();
            agent.end();

            CheckResult result = evaluate(
                    SpanExpectation.named("execute_tool delete_*").index(2).count(Comparison.exactly(0)));

            assertThat(result).hasToString("spans[2] \"execute_tool delete_*\": "
                    + "expected count 0, found 1 (execute_tool delete_pod {\"pod\":\"checkout\"})");
            assertThat(result.passed()).isFalse();
        }

        @Test
        void shortensLongToolArguments() {
            String arguments = "{\"query\":\"" + "a".repeat(100) + "z\"}";
            spans.span("execute_tool search").arguments(arguments).end();

            CheckResult result = evaluate(SpanExpectation.named("execute_tool *").count(Comparison.exactly(0)));

            assertThat(result.message()).isEqualTo("expected count 0, found 1 (execute_tool search {\"query\":\""
                    + "a".repeat(40) + "…" + "a".repeat(46) + "z\"})");
        }

        @Test
        void passesWhenAForbiddenToolWasNotCalled() {
            spans.span("execute_tool get_pod_events").end();

            CheckResult result = evaluate(SpanExpectation.named("execute_tool delete_*").count(Comparison.exactly(0)));

            assertThat(result.passed()).isTrue();
            assertThat(result.message()).isEqualTo("found 0");
        }

        @Test
        void failsWhenNoSpanHasTheNameListingTheNamesSeen() {
            Span agent = spans.span("invoke_agent oracle").start();
            spans.span("chat oracle").parent(agent).end();
            spans.span("chat oracle").parent(agent).end();
            agent.end();

            CheckResult result = evaluate(SpanExpectation.named("execute_tool get_*"));

            assertThat(result.message()).isEqualTo("expected count >= 1, found 0; "
                    + "no span is named \"execute_tool get_*\" (spans seen: invoke_agent oracle, chat oracle)");
        }

        @Test
        void failsSayingSoWhenNoSpansWereCaptured() {
            CheckResult result = evaluate(SpanExpectation.named("execute_tool get_*"));

            assertThat(result.message()).isEqualTo(
                    "expected count >= 1, found 0; no span is named \"execute_tool get_*\" (no spans were captured)");
        }

        @Test
        void failsWhenTooManyListingTheFirstFive() {
            for (int i = 0; i < 7; i++) {
                spans.span("chat gpt-4o").end();
            }

            CheckResult result = evaluate(SpanExpectation.named("chat *").count(comparison("<= 3")));

            assertThat(result.message()).isEqualTo("expected count <= 3, found 7 (chat gpt-4o, chat gpt-4o, "
                    + "chat gpt-4o, chat gpt-4o, chat gpt-4o, and 2 more)");
        }
    }

    @Nested
    class Attributes {

        @Test
        void countsOnlySpansWhoseAttributesHold() {
            spans.span("execute_tool get_logs").attribute("gen_ai.tool.name", "get_logs").end();
            spans.span("execute_tool get_pod_events").attribute("gen_ai.tool.name", "get_pod_events").end();

            CheckResult result = evaluate(SpanExpectation.named("execute_tool get_*")
                    .attribute("gen_ai.tool.name", equalTo("get_pod_events"))
                    .count(Comparison.exactly(1)));

            assertThat(result).isEqualTo(
                    CheckResult.pass("span \"execute_tool get_*\"", "found 1 (execute_tool get_pod_events)"));
        }

        @Test
        void failsExplainingWhySpansWithTheRightNameWereNotCounted() {
            Span agent = spans.span("invoke_agent oracle").start();
            Span chat = spans.span("chat gpt-4o").parent(agent).start();
            spans.span("execute_tool get_logs").parent(agent).attribute("gen_ai.tool.name", "get_logs").end();
            spans.span("execute_tool get_events").parent(chat).attribute("gen_ai.tool.name", "get_pod_events").end();
            chat.end();
            agent.end();

            CheckResult result = evaluate(SpanExpectation.named("execute_tool get_*")
                    .attribute("gen_ai.tool.name", equalTo("get_pod_events"))
                    .parent("invoke_agent *"));

            assertThat(result.message()).startsWith("expected count >= 1, found 0; "
                    + "2 spans named \"execute_tool get_*\" did not match: "
                    + "execute_tool get_logs: gen_ai.tool.name was \"get_logs\", expected = \"get_pod_events\"; "
                    + "execute_tool get_events: parent was \"chat gpt-4o\", expected \"invoke_agent *\"\ntrace ");
        }

        @Test
        void readsLongDoubleAndArrayAttributesOfRealSpans() {
            spans.span("chat gpt-4o")
                    .attribute("gen_ai.usage.output_tokens", 412L)
                    .attribute("gen_ai.request.temperature", 0.5)
                    .arrayAttribute("gen_ai.response.finish_reasons", "stop")
                    .end();

            CheckResult result = evaluate(SpanExpectation.named("chat *")
                    .attribute("gen_ai.usage.output_tokens", AttributeCondition.compare(comparison("< 500")))
                    .attribute("gen_ai.request.temperature", equalTo(0.5))
                    .attribute("gen_ai.response.finish_reasons", AttributeCondition.equalToArray(java.util.List.of("stop"))));

            assertThat(result.passed()).isTrue();
        }

        @Test
        void failsShowingAnArrayAttributeAsAList() {
            spans.span("chat gpt-4o").arrayAttribute("gen_ai.response.finish_reasons", "length").end();

            CheckResult result = evaluate(SpanExpectation.named("chat *")
                    .attribute("gen_ai.response.finish_reasons", equalTo("stop")));

            assertThat(result.message()).endsWith(
                    "1 span named \"chat *\" did not match: chat gpt-4o: "
                            + "gen_ai.response.finish_reasons was [\"length\"], expected = \"stop\"");
        }

        @Test
        void failsSayingAnAttributeWasAbsent() {
            spans.span("execute_tool get_logs").end();

            CheckResult result = evaluate(SpanExpectation.named("execute_tool *")
                    .attribute("gen_ai.tool.call.arguments", AttributeCondition.matches(Pattern.compile(".*checkout.*"))));

            assertThat(result.message()).endsWith("execute_tool get_logs: "
                    + "gen_ai.tool.call.arguments was absent, expected matches /.*checkout.*/");
        }
    }

    @Nested
    class Status {

        @Test
        void countsSpansWithTheStatus() {
            spans.span("execute_tool get_logs").status(StatusCode.ERROR).end();

            assertThat(evaluate(SpanExpectation.named("execute_tool *").status(StatusCode.ERROR)).passed()).isTrue();
        }

        @Test
        void failsShowingTheStatusFound() {
            spans.span("execute_tool get_logs").status(StatusCode.ERROR).end();

            CheckResult result = evaluate(SpanExpectation.named("execute_tool *").status(StatusCode.OK));

            assertThat(result.message()).isEqualTo("expected count >= 1, found 0; 1 span named \"execute_tool *\" "
                    + "did not match: execute_tool get_logs: status was ERROR, expected OK");
        }
    }

    @Nested
    class Parent {

        @Test
        void countsSpansWhoseDirectParentHasTheName() {
            Span agent = spans.span("invoke_agent oracle").start();
            spans.span("execute_tool get_logs").parent(agent).end();
            agent.end();

            assertThat(evaluate(SpanExpectation.named("execute_tool *").parent("invoke_agent *")).passed()).isTrue();
        }

        @Test
        void failsForARootSpan() {
            spans.span("execute_tool get_logs").end();

            CheckResult result = evaluate(SpanExpectation.named("execute_tool *").parent("invoke_agent *"));

            assertThat(result.message()).contains("execute_tool get_logs: parent was none, expected \"invoke_agent *\"\ntrace ");
        }

        @Test
        void failsWhenTheParentWasNotCaptured() {
            Span agent = spans.span("invoke_agent oracle").start();
            spans.span("execute_tool get_logs").parent(agent).end();

            CheckResult result = evaluate(SpanExpectation.named("execute_tool *").parent("invoke_agent *"));

            assertThat(result.message()).contains(
                    "execute_tool get_logs: parent was not captured, expected \"invoke_agent *\"\ntrace ");
        }
    }

    @Nested
    class After {

        @Test
        void passesWhenToolCalledAfterItsPrerequisiteEnded() {
            spans.span("execute_tool get_pod_events").between(100, 200).end();
            spans.span("execute_tool restart_pod").between(200, 300).end();

            CheckResult result = evaluate(
                    SpanExpectation.named("execute_tool restart_pod").after("execute_tool get_pod_events"));

            assertThat(result.message()).isEqualTo("found 1 (execute_tool restart_pod); "
                    + "every span started after a \"execute_tool get_pod_events\" span ended");
            assertThat(result.passed()).isTrue();
        }

        @Test
        void failsWhenToolCalledBeforeItsPrerequisite() {
            Span agent = spans.span("invoke_agent oracle").between(0, 1000).start();
            spans.span("execute_tool restart_pod").parent(agent).between(100, 150)
                    .arguments("{\"pod\":\"checkout\"}").end();
            spans.span("execute_tool get_pod_events").parent(agent).between(200, 300).end();
            agent.end(Spans.at(1000));

            CheckResult result = evaluate(
                    SpanExpectation.named("execute_tool restart_pod").after("execute_tool get_pod_events"));

            assertThat(result.message()).isEqualTo("execute_tool restart_pod {\"pod\":\"checkout\"} started before any "
                    + "\"execute_tool get_pod_events\" span ended (started at +100 ms, the first ended at +300 ms)");
        }

        @Test
        void failsWhenToolStartedWhileItsPrerequisiteWasRunning() {
            spans.span("execute_tool get_pod_events").between(0, 300).end();
            spans.span("execute_tool restart_pod").between(299, 400).end();

            assertThat(evaluate(SpanExpectation.named("execute_tool restart_pod").after("execute_tool get_*")).passed())
                    .isFalse();
        }

        @Test
        void passesWhenAnyPrerequisiteEndedBefore() {
            spans.span("execute_tool get_pod_events").between(0, 100).end();
            spans.span("execute_tool restart_pod").between(100, 200).end();
            spans.span("execute_tool get_pod_events").between(300, 400).end();

            assertThat(evaluate(SpanExpectation.named("execute_tool restart_pod").after("execute_tool get_*")).passed())
                    .isTrue();
        }

        @Test
        void failsWhenNoPrerequisiteSpanExists() {
            spans.span("execute_tool restart_pod").end();

            CheckResult result = evaluate(
                    SpanExpectation.named("execute_tool restart_pod").after("execute_tool get_pod_events"));

            assertThat(result.message()).isEqualTo("expected to start after a \"execute_tool get_pod_events\" span, "
                    + "but no span is named \"execute_tool get_pod_events\"");
        }

        @Test
        void holdsWhenNoSpanIsCounted() {
            CheckResult result = evaluate(SpanExpectation.named("execute_tool restart_pod")
                    .count(Comparison.exactly(0))
                    .after("execute_tool get_pod_events"));

            assertThat(result.passed()).isTrue();
        }
    }

    @Nested
    class Sum {

        private void chats(long... outputTokens) {
            for (long tokens : outputTokens) {
                spans.span("chat gpt-4o").attribute("gen_ai.usage.output_tokens", tokens).end();
            }
        }

        @Test
        void passesWhenTheSumSatisfiesTheComparison() {
            chats(400, 450, 600);

            CheckResult result = evaluate(
                    SpanExpectation.named("chat *").sum("gen_ai.usage.output_tokens", comparison("< 2000")));

            assertThat(result.message())
                    .isEqualTo("found 3 (chat gpt-4o, chat gpt-4o, chat gpt-4o); sum of gen_ai.usage.output_tokens over 3 spans was 1450");
            assertThat(result.passed()).isTrue();
        }

        @Test
        void failsShowingTheSum() {
            chats(800, 850, 800);

            CheckResult result = evaluate(
                    SpanExpectation.named("chat *").sum("gen_ai.usage.output_tokens", comparison("< 2000")));

            assertThat(result.message())
                    .isEqualTo("sum of gen_ai.usage.output_tokens over 3 spans: expected < 2000, was 2450");
        }

        @Test
        void skipsSpansWithoutTheAttributeAndSaysHowMany() {
            chats(800);
            spans.span("chat gpt-4o").end();

            CheckResult result = evaluate(
                    SpanExpectation.named("chat *").sum("gen_ai.usage.output_tokens", comparison(">= 1000")));

            assertThat(result.message()).isEqualTo("sum of gen_ai.usage.output_tokens over 1 span "
                    + "(1 span without a number for it): expected >= 1000, was 800");
        }

        @Test
        void sumsDoubles() {
            spans.span("chat gpt-4o").attribute("cost.usd", 0.1).end();
            spans.span("chat gpt-4o").attribute("cost.usd", 0.2).end();

            assertThat(evaluate(SpanExpectation.named("chat *").sum("cost.usd", comparison("== 0.3"))).passed())
                    .isTrue();
        }
    }

    @Test
    void reportsEveryFailingPartInOneMessage() {
        spans.span("execute_tool restart_pod").attribute("gen_ai.usage.output_tokens", 10L).end();
        spans.span("execute_tool restart_pod").attribute("gen_ai.usage.output_tokens", 20L).end();

        CheckResult result = evaluate(SpanExpectation.named("execute_tool restart_pod")
                .count(Comparison.exactly(1))
                .after("execute_tool get_pod_events")
                .sum("gen_ai.usage.output_tokens", comparison("< 25")));

        assertThat(result.message()).isEqualTo(
                "expected count 1, found 2 (execute_tool restart_pod, execute_tool restart_pod); "
                        + "expected to start after a \"execute_tool get_pod_events\" span, "
                        + "but no span is named \"execute_tool get_pod_events\"; "
                        + "sum of gen_ai.usage.output_tokens over 2 spans: expected < 25, was 30");
    }
}
