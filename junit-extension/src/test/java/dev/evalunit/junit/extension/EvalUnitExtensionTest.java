package dev.evalunit.junit.extension;

import dev.evalunit.check.Comparison;
import dev.evalunit.check.SpanExpectation;
import dev.evalunit.junit.EvalUnit;
import dev.evalunit.junit.EvalUnitExtension;
import dev.evalunit.junit.ModelUnderTest;
import dev.evalunit.junit.NotScoredException;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.evalunit.model.Agent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static dev.evalunit.junit.EvalAssertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

/** Runs fixture classes with the real Jupiter engine, as a user's build would. */
class EvalUnitExtensionTest {

    @Test
    void fluentAssertionsPassOnTheAnswerAndSpansOfARealTrial() {
        Events events = run(ParisAgentFixture.class, "answersParisInOneAgentRun");

        events.assertThatEvents().haveExactly(1, event(test("answersParisInOneAgentRun"), finishedSuccessfully()));
    }

    @Test
    void aFailedAssertionReadsLikeTheTaskFileCheck() {
        Events events = run(ParisAgentFixture.class, "expectsLyon");

        events.assertThatEvents().haveExactly(1, event(test("expectsLyon"), finishedWithFailure(
                instanceOf(AssertionError.class),
                message(text -> text.contains("output: expected to contain \"Lyon\", was \"Paris\"")
                        && text.contains("span \"chat *\": expected count 1, found 0")))));
    }

    @Test
    void runsATaskFileAgainstTheConfiguredModel() {
        Events passing = EngineTestKit.engine("junit-jupiter")
                .selectors(selectMethod(ConfiguredModelFixture.class, "taskPasses", EvalUnit.class.getName()))
                .configurationParameter("evalunit.model", "oracle")
                .execute().testEvents();
        Events failing = EngineTestKit.engine("junit-jupiter")
                .selectors(selectMethod(ConfiguredModelFixture.class, "taskPasses", EvalUnit.class.getName()))
                .configurationParameter("evalunit.model", "nop")
                .execute().testEvents();

        passing.assertThatEvents().haveExactly(1, event(test("taskPasses"), finishedSuccessfully()));
        failing.assertThatEvents().haveExactly(1, event(test("taskPasses"), finishedWithFailure(
                message(text -> text.contains("expected task oom to be passed but it failed")
                        && text.contains("output: expected to contain \"OOMKilled\"")))));
    }

    @Test
    void withoutAnyModelTheTestSaysHowToWireOne() {
        Events events = EngineTestKit.engine("junit-jupiter")
                .selectors(selectMethod(ConfiguredModelFixture.class, "taskPasses", EvalUnit.class.getName()))
                .execute().testEvents();

        events.assertThatEvents().haveExactly(1, event(test("taskPasses"), finishedWithFailure(
                instanceOf(NotScoredException.class),
                message(text -> text.contains("could not be scored") && text.contains("@ModelUnderTest")
                        && text.contains("evalunit.model")))));
    }

    @Test
    void aTrialThatCouldNotBeScoredIsAnErrorNotAFailureAsInTheEngine() {
        Events events = run(ThrowingAgentFixture.class, "asks");

        events.assertThatEvents().haveExactly(1, event(test("asks"), finishedWithFailure(
                instanceOf(NotScoredException.class),
                message(text -> text.contains("the trial could not be scored") && text.contains("backend is down")))));
    }

    @Test
    void askAgainstTheOracleSaysPlainlyThatAPromptHasNoReference() {
        Events events = EngineTestKit.engine("junit-jupiter")
                .selectors(selectMethod(ConfiguredModelFixture.class, "asks", EvalUnit.class.getName()))
                .configurationParameter("evalunit.model", "oracle")
                .execute().testEvents();

        events.assertThatEvents().haveExactly(1, event(test("asks"), finishedWithFailure(
                instanceOf(NotScoredException.class),
                message(text -> text.contains("a prompt sent from code")
                        && text.contains("has none") && !text.contains("add a reference: section (tool-calls")))));
    }

    @Test
    void twoClassesWithAMethodOfOneNameRecordTwoCassettes(@TempDir Path cassettes) throws IOException {
        for (Class<?> fixture : List.of(AskFixture.class, OtherAskFixture.class)) {
            EngineTestKit.engine("junit-jupiter")
                    .selectors(selectMethod(fixture, "answers", EvalUnit.class.getName()))
                    .configurationParameter("evalunit.cassette", "record")
                    .configurationParameter("evalunit.cassette.dir", cassettes.toString())
                    .execute().testEvents().assertStatistics(stats -> stats.succeeded(1));
        }

        try (Stream<Path> files = Files.walk(cassettes)) {
            org.assertj.core.api.Assertions.assertThat(files.filter(Files::isRegularFile).map(file -> cassettes.relativize(file).toString()).toList())
                    .containsExactlyInAnyOrder(
                            "echo/" + AskFixture.class.getName().replace('$', '_') + "/answers/trial-1.json",
                            "echo/" + OtherAskFixture.class.getName().replace('$', '_') + "/answers/trial-1.json");
        }
    }

    private static Events run(Class<?> fixture, String method) {
        return EngineTestKit.engine("junit-jupiter")
                .selectors(selectMethod(fixture, method, EvalUnit.class.getName()))
                .execute().testEvents();
    }

    @ExtendWith(EvalUnitExtension.class)
    static class ParisAgentFixture {

        @ModelUnderTest("paris-agent")
        static final Agent AGENT = context -> context.prompt().contains("France") ? "Paris" : "no idea";

        @Test
        void answersParisInOneAgentRun(EvalUnit eval) {
            assertThat(eval.ask("What is the capital of France?"))
                    .outputContains("Paris")
                    .outputContainsPattern("ari")
                    .hasSpans(SpanExpectation.named("invoke_agent paris-agent").count(Comparison.exactly(1)));
            assertThat(eval.ask("What is the capital of France?")).output().matches("^P\\w+$");
            assertThat(eval.ask("What is the capital of France?")).traces()
                    .hasTracesSatisfyingExactly(trace -> trace.hasSpansSatisfyingExactly(
                            span -> span.hasName("invoke_agent paris-agent")));
        }

        @Test
        void expectsLyon(EvalUnit eval) {
            assertThat(eval.ask("What is the capital of France?"))
                    .satisfies(dev.evalunit.check.OutputChecks.contains("Lyon"),
                            SpanExpectation.named("chat *").count(Comparison.exactly(1)).build());
        }
    }

    @ExtendWith(EvalUnitExtension.class)
    static class ThrowingAgentFixture {

        @ModelUnderTest("thrower")
        static final Agent AGENT = context -> {
            throw new IllegalStateException("backend is down");
        };

        @Test
        void asks(EvalUnit eval) {
            assertThat(eval.ask("anything")).outputContains("x");
        }
    }

    @ExtendWith(EvalUnitExtension.class)
    static class AskFixture {

        @ModelUnderTest("echo")
        static ChatModel model() {
            return new EchoChatModel();
        }

        @Test
        void answers(EvalUnit eval) {
            assertThat(eval.ask("Say hello")).outputContains("Say hello");
        }
    }

    @ExtendWith(EvalUnitExtension.class)
    static class OtherAskFixture {

        @ModelUnderTest("echo")
        static ChatModel model() {
            return new EchoChatModel();
        }

        @Test
        void answers(EvalUnit eval) {
            assertThat(eval.ask("Say goodbye")).outputContains("Say goodbye");
        }
    }

    /** Answers with the last user message: a ChatModel, so its calls go through the cassette. */
    static final class EchoChatModel implements ChatModel {

        @Override
        public ChatResponse doChat(ChatRequest request) {
            String last = ((UserMessage) request.messages().get(request.messages().size() - 1)).singleText();
            return ChatResponse.builder().aiMessage(AiMessage.from(last)).build();
        }
    }

    @ExtendWith(EvalUnitExtension.class)
    static class JudgedFixture {

        @ModelUnderTest("paris-agent")
        static final Agent AGENT = context -> "Paris";

        /** A judge that passes an answer naming Paris and fails any other. */
        @dev.evalunit.junit.JudgeModel
        static final dev.langchain4j.model.chat.ChatModel JUDGE = new dev.langchain4j.model.chat.ChatModel() {
            @Override
            public dev.langchain4j.model.chat.response.ChatResponse doChat(
                    dev.langchain4j.model.chat.request.ChatRequest request) {
                String asked = request.messages().get(request.messages().size() - 1).toString();
                String verdict = asked.contains("Paris") && asked.contains("names Paris") ? "pass" : "fail";
                return dev.langchain4j.model.chat.response.ChatResponse.builder()
                        .aiMessage(dev.langchain4j.data.message.AiMessage.from(
                                "{\"reason\": \"Graded.\", \"verdict\": \"" + verdict + "\"}"))
                        .build();
            }
        };

        @Test
        void passesAJudgedCheck(EvalUnit eval) {
            assertThat(eval.ask("What is the capital of France?"))
                    .satisfies(dev.evalunit.judge.JudgedChecks.judge("The answer names Paris."));
        }

        @Test
        void failsAJudgedCheck(EvalUnit eval) {
            assertThat(eval.ask("What is the capital of France?"))
                    .satisfies(dev.evalunit.judge.JudgedChecks.judge("The answer names Lyon."));
        }
    }

    @Test
    void judgedChecksInJavaAreGradedByTheSuitesJudge() {
        Events events = run(JudgedFixture.class, "passesAJudgedCheck");
        events.assertStatistics(stats -> stats.succeeded(1));

        Events failing = run(JudgedFixture.class, "failsAJudgedCheck");
        failing.assertThatEvents().haveExactly(1, event(test("failsAJudgedCheck"), finishedWithFailure(
                message(text -> text.contains("output") && text.contains("Graded.")))));
    }

    @ExtendWith(EvalUnitExtension.class)
    static class ConfiguredModelFixture {

        @Test
        void taskPasses(EvalUnit eval) {
            assertThat(eval.runTask("extension/oom.yaml")).passed();
        }

        @Test
        void asks(EvalUnit eval) {
            assertThat(eval.ask("What is the capital of France?")).outputContains("Paris");
        }
    }

    @Test
    void selectingTheWholeFixtureClassRunsBothOfItsTests() {
        Events events = EngineTestKit.engine("junit-jupiter").selectors(selectClass(ParisAgentFixture.class))
                .execute().testEvents();

        events.assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));
    }
}
