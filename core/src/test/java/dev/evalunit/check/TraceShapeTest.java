package dev.evalunit.check;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The checks on where a span sits: its parent and ancestors by condition, time containment, scoped order, links, trace shapes. */
class TraceShapeTest {

    private final Spans spans = new Spans();

    private static Comparison comparison(String text) {
        return Comparison.parse(text).orElseThrow();
    }

    private CheckResult evaluate(SpanExpectation.Builder expectation) {
        return expectation.build().evaluate(spans.evidence());
    }

    private CheckResult evaluate(TraceExpectation expectation) {
        return expectation.evaluate(spans.evidence());
    }

    /** Two orders, each a SERVER span with its order id, and a charge under each. */
    private Span[] twoOrders() {
        Span first = spans.span("POST /orders").kind(SpanKind.SERVER).attribute("order.id", "A").between(0, 100).start();
        Span second = spans.span("POST /orders").kind(SpanKind.SERVER).attribute("order.id", "B").between(200, 300)
                .start();
        return new Span[] {first, second};
    }

    @Nested
    class ParentCondition {

        @Test
        void passesWhenTheParentIsTheSpanTheConditionDescribes() {
            Span[] orders = twoOrders();
            spans.span("charge").parent(orders[0]).attribute("order.id", "A").between(10, 20).end();
            orders[0].end(Spans.at(100));
            orders[1].end(Spans.at(300));

            CheckResult result = evaluate(SpanExpectation.named("charge").count(Comparison.exactly(1))
                    .parent(SpanExpectation.named("POST /orders").kind(SpanKind.SERVER)
                            .attribute("order.id", AttributeCondition.equalTo("A")).condition()));

            assertThat(result.passed()).as("%s", result).isTrue();
        }

        @Test
        void failsUnderAnotherOrdersSpanOfTheSameNameShowingTheTree() {
            Span[] orders = twoOrders();
            spans.span("charge").parent(orders[1]).attribute("order.id", "A").between(210, 220).end();
            orders[0].end(Spans.at(100));
            orders[1].end(Spans.at(300));

            CheckResult result = evaluate(SpanExpectation.named("charge").count(Comparison.exactly(1))
                    .parent(SpanExpectation.named("POST /orders")
                            .attribute("order.id", AttributeCondition.equalTo("A")).condition()));

            assertThat(result.passed()).isFalse();
            assertThat(result.message())
                    .contains("is not the expected \"POST /orders\" (with 1 more condition): order.id was \"B\", expected = \"A\"")
                    .contains("\ntrace ")
                    .contains("  POST /orders [")
                    .contains("    charge [");
        }
    }

    @Nested
    class Ancestor {

        @Test
        void passesForASpanUnderTheSpanAtAnyDepth() {
            Span order = spans.span("order").kind(SpanKind.SERVER).start();
            Span validate = spans.span("validate").parent(order).start();
            spans.span("lookup").parent(validate).end();
            validate.end();
            order.end();

            assertThat(evaluate(SpanExpectation.named("lookup")
                    .ancestor(SpanExpectation.named("order").kind(SpanKind.SERVER).condition())).passed()).isTrue();
        }

        @Test
        void failsForASpanInAnotherTreeNamingItsAncestors() {
            Span order = spans.span("order").kind(SpanKind.INTERNAL).start();
            Span validate = spans.span("validate").parent(order).start();
            spans.span("lookup").parent(validate).end();
            validate.end();
            order.end();

            CheckResult result = evaluate(SpanExpectation.named("lookup")
                    .ancestor(SpanExpectation.named("order").kind(SpanKind.SERVER).condition()));

            assertThat(result.message()).contains("not under a span \"order\" (with 1 more condition): its ancestors are"
                    + " \"validate\" [");
        }
    }

    @Nested
    class Encloses {

        @Test
        void passesWhenTheChildrenRunWithinTheParent() {
            Span order = spans.span("order").between(0, 100).start();
            spans.span("charge").parent(order).between(10, 90).end();
            order.end(Spans.at(100));

            assertThat(evaluate(SpanExpectation.named("order").encloses(Optional.empty())).passed()).isTrue();
        }

        @Test
        void failsWhenTheParentEndedBeforeItsChildShowingTheTimes() {
            Span order = spans.span("order").between(0, 50).start();
            spans.span("charge").parent(order).between(60, 90).end();
            order.end(Spans.at(50));

            CheckResult result = evaluate(SpanExpectation.named("order").encloses(Optional.empty()));

            assertThat(result.message()).contains("does not enclose \"charge\" [")
                    .contains("it ran +0 ms .. +50 ms, the child +60 ms .. +90 ms")
                    .contains("order [").contains("] INTERNAL +0 ms .. +50 ms");
        }

        @Test
        void failsWhenTheNamedDescendantIsMissing() {
            spans.span("order").end();

            CheckResult result = evaluate(SpanExpectation.named("order").encloses(Optional.of("charge*")));

            assertThat(result.message()).contains("has no descendant named \"charge*\" to enclose");
        }

        @Test
        void checksADescendantAtAnyDepth() {
            Span order = spans.span("order").between(0, 50).start();
            Span pay = spans.span("pay").parent(order).between(10, 40).start();
            spans.span("charge card").parent(pay).between(20, 70).end();
            pay.end(Spans.at(40));
            order.end(Spans.at(50));

            assertThat(evaluate(SpanExpectation.named("order").encloses(Optional.of("charge*"))).passed()).isFalse();
            assertThat(evaluate(SpanExpectation.named("order").encloses(Optional.of("pay"))).passed()).isTrue();
        }
    }

    @Nested
    class AfterWithin {

        @Test
        void passesWhenTheEarlierSpanEndedInTheSameTrace() {
            Span order = spans.span("order").between(0, 100).start();
            spans.span("validate").parent(order).between(0, 10).end();
            spans.span("charge").parent(order).between(20, 30).end();
            order.end(Spans.at(100));

            assertThat(evaluate(SpanExpectation.named("charge").after("validate", SpanExpectation.Within.TRACE))
                    .passed()).isTrue();
        }

        @Test
        void failsWhenOnlyAnotherTracesSpanEndedBefore() {
            Span first = spans.span("order").between(0, 100).start();
            spans.span("validate").parent(first).between(0, 10).end();
            first.end(Spans.at(100));
            Span second = spans.span("order").between(200, 300).start();
            spans.span("charge").parent(second).between(210, 220).end();
            spans.span("validate").parent(second).between(230, 240).end();
            second.end(Spans.at(300));

            assertThat(evaluate(SpanExpectation.named("charge").after("validate")).passed()).isTrue();
            CheckResult result = evaluate(SpanExpectation.named("charge").after("validate", SpanExpectation.Within.TRACE));
            assertThat(result.message()).contains("started before any \"validate\" span in its trace ended");
        }

        @Test
        void failsWhenTheEarlierSpanIsNotASibling() {
            Span order = spans.span("order").between(0, 100).start();
            Span other = spans.span("other").parent(order).between(0, 15).start();
            spans.span("validate").parent(other).between(0, 10).end();
            other.end(Spans.at(15));
            spans.span("charge").parent(order).between(20, 30).end();
            order.end(Spans.at(100));

            CheckResult result = evaluate(SpanExpectation.named("charge").after("validate", SpanExpectation.Within.PARENT));

            assertThat(result.message()).contains("has no \"validate\" span under its parent to start after");
        }
    }

    @Nested
    class StatusDescription {

        @Test
        void passesWhenTheDescriptionSaysWhy() {
            spans.span("charge").status(StatusCode.ERROR, "card declined").end();

            assertThat(evaluate(SpanExpectation.named("charge")
                    .statusDescription(AttributeCondition.contains("declined"))).passed()).isTrue();
        }

        @Test
        void failsWhenTheDescriptionIsEmpty() {
            spans.span("charge").status(StatusCode.ERROR).end();

            CheckResult result = evaluate(SpanExpectation.named("charge")
                    .statusDescription(AttributeCondition.contains("declined")));

            assertThat(result.message()).contains("charge: status description was absent, expected contains \"declined\"");
        }
    }

    @Nested
    class Links {

        @Test
        void passesForOneLinkToEachMessage() {
            Span a = spans.span("send").kind(SpanKind.PRODUCER).end();
            Span b = spans.span("send").kind(SpanKind.PRODUCER).end();
            spans.span("process").link(a).link(b).end();

            assertThat(evaluate(SpanExpectation.named("process").links(Comparison.exactly(2), true,
                    Optional.of(SpanExpectation.named("send").kind(SpanKind.PRODUCER).condition()))).passed()).isTrue();
        }

        @Test
        void failsForTwoLinksToTheSameMessage() {
            Span a = spans.span("send").kind(SpanKind.PRODUCER).end();
            spans.span("send").kind(SpanKind.PRODUCER).end();
            spans.span("process").link(a).link(a).end();

            CheckResult result = evaluate(SpanExpectation.named("process").links(Comparison.exactly(2), true,
                    Optional.empty()));

            assertThat(result.message()).contains("links pointed to 1 different spans among 2, expected each to a"
                    + " different span");
        }

        @Test
        void failsForALinkToASpanThatIsNotAMessage() {
            Span a = spans.span("send").kind(SpanKind.PRODUCER).end();
            Span setup = spans.span("setup").end();
            spans.span("process").link(a).link(setup).end();

            CheckResult result = evaluate(SpanExpectation.named("process").links(Comparison.exactly(2), true,
                    Optional.of(SpanCondition.named("send"))));

            assertThat(result.message()).contains("link 1 points to \"setup\" [")
                    .contains("not a span \"send\": name was \"setup\", expected \"send\"");
        }
    }

    @Nested
    class Scope {

        @Test
        void countsSpansOfEveryTracerUnlessAScopeNarrowsThem() {
            spans.span("shop.orders", "charge").end();
            spans.span("shop.legacy", "charge").end();

            assertThat(evaluate(SpanExpectation.named("charge").count(Comparison.exactly(0))).message())
                    .startsWith("expected count 0, found 2");
            assertThat(evaluate(SpanExpectation.named("charge").scope("shop.legacy").count(Comparison.exactly(1)))
                    .passed()).isTrue();
        }
    }

    @Nested
    class Traces {

        private TracePattern order() {
            return TracePattern.of(SpanExpectation.named("order").kind(SpanKind.SERVER).condition()).root()
                    .child(TracePattern.of(SpanCondition.named("validate")).build(), Comparison.exactly(1))
                    .child(TracePattern.of(SpanCondition.named("charge")).build(), Comparison.exactly(1))
                    .only()
                    .build();
        }

        private void order(boolean withValidate, boolean extraChild) {
            Span order = spans.span("order").kind(SpanKind.SERVER).start();
            if (withValidate) {
                spans.span("validate").parent(order).end();
            }
            spans.span("charge").parent(order).end();
            if (extraChild) {
                spans.span("audit").parent(order).end();
            }
            order.end();
        }

        @Test
        void eachPassesWhenEveryTraceHasTheShape() {
            order(true, false);
            order(true, false);

            CheckResult result = evaluate(new TraceExpectation(0, TraceExpectation.Quantifier.EACH, order(),
                    Optional.of(Comparison.exactly(2))));

            assertThat(result.passed()).as("%s", result).isTrue();
        }

        @Test
        void eachFailsWhenOneTraceLacksAChildDrawingThatTrace() {
            order(true, false);
            order(false, false);

            CheckResult result = evaluate(new TraceExpectation(3, TraceExpectation.Quantifier.EACH, order(),
                    Optional.empty()));

            assertThat(result.label()).isEqualTo("spans[3] each \"order\" (with 1 more condition)");
            assertThat(result.message())
                    .startsWith("1 of 2 traces with a span \"order\" (with 1 more condition) do not have the shape: in trace ")
                    .contains("\"order\" [")
                    .contains("has 0 matching children \"validate\", expected 1")
                    .contains("\n  order [").contains("\n    charge [");
        }

        @Test
        void eachFailsForAChildThePatternDoesNotName() {
            order(true, true);

            CheckResult result = evaluate(new TraceExpectation(0, TraceExpectation.Quantifier.EACH, order(),
                    Optional.empty()));

            assertThat(result.message()).contains("has a child the pattern does not name: \"audit\"");
        }

        @Test
        void eachFailsWhenTheCountOfTracesIsWrong() {
            order(true, false);

            CheckResult result = evaluate(new TraceExpectation(0, TraceExpectation.Quantifier.EACH, order(),
                    Optional.of(Comparison.exactly(2))));

            assertThat(result.message()).startsWith("expected 2 traces with a span \"order\"");
        }

        @Test
        void eachFailsWhenTheRootIsNotTheRoot() {
            Span request = spans.span("request").start();
            Span order = spans.span("order").kind(SpanKind.SERVER).parent(request).start();
            spans.span("validate").parent(order).end();
            spans.span("charge").parent(order).end();
            order.end();
            request.end();

            CheckResult result = evaluate(new TraceExpectation(0, TraceExpectation.Quantifier.EACH, order(),
                    Optional.empty()));

            assertThat(result.message()).startsWith("no trace has a span \"order\"");
        }

        @Test
        void somePassesWhenOneTraceHasTheShapeAndFailsWhenNone() {
            order(false, false);
            TraceExpectation some = new TraceExpectation(0, TraceExpectation.Quantifier.SOME, order(), Optional.empty());

            assertThat(evaluate(some).message()).startsWith("expected >= 1 traces with the shape, found 0; in trace ");
            order(true, false);
            assertThat(evaluate(some).passed()).isTrue();
        }

        @Test
        void noneFailsWhenATraceHasTheForbiddenShape() {
            TracePattern nested = TracePattern.of(SpanCondition.named("POST"))
                    .child(TracePattern.of(SpanCondition.named("POST")).build(), new Comparison(Comparison.Operator.GE,
                            java.math.BigDecimal.ONE)).build();
            TraceExpectation none = new TraceExpectation(0, TraceExpectation.Quantifier.NONE, nested, Optional.empty());
            Span client = spans.span("POST").start();
            spans.span("GET").parent(client).end();
            client.end();
            assertThat(evaluate(none).passed()).isTrue();

            Span outer = spans.span("POST").start();
            spans.span("POST").parent(outer).end();
            outer.end();
            assertThat(evaluate(none).message()).startsWith("expected no trace with the shape, found 1\ntrace ");
        }
    }
}
