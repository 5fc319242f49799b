package dev.evalunit.junit.engine;

import dev.evalunit.junit.EvalSuite;
import dev.evalunit.junit.ModelUnderTest;
import dev.evalunit.model.Agent;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.opentest4j.AssertionFailedError;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.evalunit.junit.engine.EngineRuns.evalunit;
import static dev.evalunit.junit.engine.EngineRuns.failureOf;
import static dev.evalunit.junit.engine.EngineRuns.passedTests;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathResource;

/**
 * Where the model under test comes from: a {@code @ModelUnderTest} member of the suite class, else
 * {@code evalunit.model}. A suite that cannot get a model errors (it could not be scored), it
 * does not fail.
 *
 * <p>engine/models/diagnose.yaml: the model must call get_pod_events for pod checkout and answer
 * with OOMKilled.
 */
class ModelWiringTest {

    private static final String MODELS = "engine/models";
    private static final String TASK = "diagnose";

    /** Calls get_pod_events, then answers from what the tool returned, as a real model would. */
    static final class LooksThenAnswers implements ChatModel {

        @Override
        public ChatResponse chat(ChatRequest request) {
            List<ChatMessage> messages = request.messages();
            ChatMessage last = messages.get(messages.size() - 1);
            AiMessage reply = last instanceof ToolExecutionResultMessage
                    ? AiMessage.from("The events say: " + ((ToolExecutionResultMessage) last).text())
                    : AiMessage.from(ToolExecutionRequest.builder()
                            .id("call_1").name("get_pod_events").arguments("{\"pod\":\"checkout\"}").build());
            return ChatResponse.builder().aiMessage(reply).build();
        }
    }

    @EvalSuite(MODELS)
    static class ChatModelMethodSuite {

        @ModelUnderTest
        static ChatModel model() {
            return new LooksThenAnswers();
        }
    }

    @EvalSuite(MODELS)
    static class AgentFieldSuite {

        @ModelUnderTest
        static final Agent AGENT = context -> {
            String events = context.executeTool("get_pod_events", "{\"pod\":\"checkout\"}");
            return "The events say: " + events;
        };
    }

    @EvalSuite("engine/discovery")
    static class CountingMethodSuite {

        static final AtomicInteger CALLS = new AtomicInteger();

        @ModelUnderTest
        static Agent model() {
            CALLS.incrementAndGet();
            return context -> "The container was OOMKilled and the latency doubled.";
        }
    }

    @EvalSuite(MODELS)
    static class NamedAgentSuite {

        @ModelUnderTest("support-bot v2")
        static final Agent AGENT = context -> "No idea.";
    }

    @EvalSuite(MODELS)
    static class ThrowingAgentSuite {

        @ModelUnderTest
        static final Agent AGENT = context -> {
            throw new IOException("connection refused: http://127.0.0.1:8000/v1");
        };
    }

    @EvalSuite(MODELS)
    static class InstanceMethodSuite {

        @ModelUnderTest
        ChatModel model() {
            return new LooksThenAnswers();
        }
    }

    @EvalSuite(MODELS)
    static class ThrowingMethodSuite {

        @ModelUnderTest
        static ChatModel model() {
            throw new IllegalStateException("OPENAI_API_KEY is not set");
        }
    }

    @EvalSuite(MODELS)
    static class FailingInitializerSuite {

        @ModelUnderTest
        static final ChatModel MODEL = buildModel();

        private static ChatModel buildModel() {
            throw new IllegalStateException("OPENAI_API_KEY is not set");
        }
    }

    @EvalSuite(MODELS)
    static class WrongTypeSuite {

        @ModelUnderTest
        static String model() {
            return "gpt-4o";
        }
    }

    @EvalSuite(MODELS)
    static class TwoMembersSuite {

        @ModelUnderTest
        static final Agent FIRST = context -> "";

        @ModelUnderTest
        static ChatModel second() {
            return new LooksThenAnswers();
        }
    }

    @EvalSuite(MODELS)
    static class NoModelSuite {
    }

    @Test
    void passesUnderTheOracleWhichReplaysTheReference() {
        EngineExecutionResults results = evalunit("oracle").selectors(selectClasspathResource(MODELS)).execute();

        assertThat(passedTests(results)).containsExactly(TASK);
    }

    @Test
    void failsUnderNopWithAnAssertionErrorListingEveryFailedCheck() {
        Throwable failure = failureOf(evalunit("nop").selectors(selectClasspathResource(MODELS)).execute(), TASK);

        assertThat(failure).isInstanceOf(AssertionFailedError.class);
        assertThat(failure.getMessage().lines()).containsExactly(
                "diagnose [nop]: 0 of 1 trial passed (pass: all)",
                "  output: expected to contain \"OOMKilled\", was \"\" (empty answer)",
                "  spans[0] \"execute_tool get_pod_events\": expected count >= 1, found 0;"
                        + " no span is named \"execute_tool get_pod_events\" (spans seen: invoke_agent nop, chat nop)");
    }

    @Test
    void errorsUnderTheOracleWhenTheTaskHasNoReferenceToReplay() {
        Throwable error = failureOf(evalunit("oracle").selectors(selectClasspathResource("engine/no-reference.yaml"))
                .execute(), "no-reference");

        assertThat(error).isNotInstanceOf(AssertionError.class)
                .hasMessageContaining("task no-reference has no reference, so the oracle cannot answer it");
    }

    @Test
    void runsAChatModelFromAStaticMethodThroughTheToolLoop() {
        EngineExecutionResults results = evalunit().selectors(selectClass(ChatModelMethodSuite.class)).execute();

        assertThat(passedTests(results)).containsExactly(TASK);
    }

    @Test
    void runsAnAgentFromAStaticField() {
        EngineExecutionResults results = evalunit().selectors(selectClass(AgentFieldSuite.class)).execute();

        assertThat(passedTests(results)).containsExactly(TASK);
    }

    @Test
    void callsTheModelUnderTestMethodOncePerRunWhateverTheNumberOfTasks() {
        CountingMethodSuite.CALLS.set(0);

        EngineExecutionResults results = evalunit().configurationParameter("evalunit.concurrency", "4")
                .selectors(selectClass(CountingMethodSuite.class)).execute();

        assertThat(passedTests(results)).containsExactlyInAnyOrder("tools/oom", "slow-checkout");
        assertThat(CountingMethodSuite.CALLS).hasValue(1);
    }

    @Test
    void namesTheModelInReportsAsTheAnnotationSays() {
        Throwable failure = failureOf(run(NamedAgentSuite.class), TASK);

        assertThat(failure).hasMessageStartingWith("diagnose [support-bot v2]: 0 of 1 trial passed");
    }

    @Test
    void prefersTheSuitesModelUnderTestToTheConfiguredModel() {
        EngineExecutionResults results = evalunit("nop").selectors(selectClass(AgentFieldSuite.class)).execute();

        assertThat(passedTests(results)).containsExactly(TASK);
    }

    @Test
    void takesTheConfiguredModelWhenTheSuiteDeclaresNone() {
        EngineExecutionResults results = evalunit("oracle").selectors(selectClass(NoModelSuite.class)).execute();

        assertThat(passedTests(results)).containsExactly(TASK);
    }

    @Test
    void errorsWithWhatTheAgentThrewAsTheCause() {
        Throwable error = failureOf(run(ThrowingAgentSuite.class), TASK);

        assertThat(error).isNotInstanceOf(AssertionError.class)
                .hasMessageStartingWith("diagnose [AGENT] could not be scored: ")
                .hasMessageContaining("connection refused: http://127.0.0.1:8000/v1")
                .cause().isInstanceOf(IOException.class);
    }

    @Test
    void errorsWhenTheModelUnderTestMethodIsNotStatic() {
        Throwable error = failureOf(run(InstanceMethodSuite.class), TASK);

        assertThat(error).isNotInstanceOf(AssertionError.class)
                .hasMessageContaining("@ModelUnderTest InstanceMethodSuite.model must be static");
    }

    @Test
    void errorsWithWhatTheModelUnderTestMethodThrew() {
        Throwable error = failureOf(run(ThrowingMethodSuite.class), TASK);

        assertThat(error).isNotInstanceOf(AssertionError.class)
                .hasMessageContaining("@ModelUnderTest ThrowingMethodSuite.model threw")
                .hasMessageContaining("OPENAI_API_KEY is not set");
    }

    @Test
    void errorsEveryTaskWithWhatTheModelUnderTestFieldsInitializerThrew() {
        Throwable error = failureOf(run(FailingInitializerSuite.class), TASK);

        assertThat(error).isNotInstanceOf(AssertionError.class)
                .hasMessageContaining("@ModelUnderTest FailingInitializerSuite.MODEL")
                .hasMessageContaining("OPENAI_API_KEY is not set");
    }

    @Test
    void errorsWhenTheModelUnderTestIsNeitherAChatModelNorAnAgent() {
        Throwable error = failureOf(run(WrongTypeSuite.class), TASK);

        assertThat(error).isNotInstanceOf(AssertionError.class)
                .hasMessageContaining("@ModelUnderTest WrongTypeSuite.model returned a java.lang.String")
                .hasMessageContaining("return a LangChain4j ChatModel or an EvalUnit Agent");
    }

    @Test
    void runsEachTaskAgainstEachOfTwoUnnamedMembersNamedAfterTheMembers() {
        EngineExecutionResults results = run(TwoMembersSuite.class);

        assertThat(results.testEvents().succeeded().map(event -> event.getTestDescriptor().getDisplayName()))
                .containsExactly(TASK + " [second]");
        assertThat(results.testEvents().failed().map(event -> event.getTestDescriptor().getDisplayName()))
                .containsExactly(TASK + " [FIRST]");
    }

    @Test
    void errorsWithHowToWireAModelWhenThereIsNone() {
        Throwable error = failureOf(run(NoModelSuite.class), TASK);

        assertThat(error).isNotInstanceOf(AssertionError.class)
                .hasMessageContaining("No model to test for NoModelSuite")
                .hasMessageContaining("@ModelUnderTest")
                .hasMessageContaining("evalunit.model");
    }

    @Test
    void errorsEveryTaskListingTheValidModelsWhenTheConfiguredModelIsUnknown() {
        EngineExecutionResults results = evalunit("gpt-4o").selectors(selectClasspathResource("engine/discovery")).execute();

        results.testEvents().assertStatistics(stats -> stats.started(2).failed(2));
        for (String task : List.of("tools/oom", "slow-checkout")) {
            assertThat(failureOf(results, task)).isNotInstanceOf(AssertionError.class)
                    .hasMessageContaining("evalunit.model=gpt-4o names no model; use openai, oracle or nop");
        }
    }

    @Test
    void errorsEveryTaskOfASuiteClassWithoutModelWhenTheConfiguredModelIsUnknown() {
        Throwable error = failureOf(evalunit("gpt-4o").selectors(selectClass(NoModelSuite.class)).execute(), TASK);

        assertThat(error).isNotInstanceOf(AssertionError.class)
                .hasMessageContaining("evalunit.model=gpt-4o names no model; use openai, oracle or nop");
    }

    private static EngineExecutionResults run(Class<?> suite) {
        return evalunit().selectors(selectClass(suite)).execute();
    }
}
