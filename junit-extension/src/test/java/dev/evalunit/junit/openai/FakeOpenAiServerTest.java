package dev.evalunit.junit.openai;

import dev.evalunit.testing.FakeOpenAiServer;

import dev.evalunit.testing.FakeOpenAiServer.Reply;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.output.FinishReason;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fake speaks the protocol LangChain4j's OpenAI client expects, so engine tests test the engine. */
class FakeOpenAiServerTest {

    @Test
    void answersWithTextAndUsage() {
        try (FakeOpenAiServer server = FakeOpenAiServer.start(request -> request.answer("Paris"))) {

            ChatResponse response = client(server).chat(ChatRequest.builder()
                    .messages(UserMessage.from("Capital of France?")).build());

            assertThat(response.aiMessage().text()).isEqualTo("Paris");
            assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
            assertThat(response.modelName()).isEqualTo("test-model");
            assertThat(response.tokenUsage().outputTokenCount()).isEqualTo(FakeOpenAiServer.COMPLETION_TOKENS);
            assertThat(server.requests()).singleElement()
                    .satisfies(request -> assertThat(request.prompt()).isEqualTo("Capital of France?"));
        }
    }

    @Test
    void answersWithToolCall() {
        try (FakeOpenAiServer server = FakeOpenAiServer.start(
                FakeOpenAiServer.callsToolThenAnswers("get_time", "{\"zone\":\"UTC\"}", "noon"))) {

            ChatResponse response = client(server).chat(ChatRequest.builder()
                    .messages(UserMessage.from("What time is it?"))
                    .toolSpecifications(ToolSpecification.builder().name("get_time").build())
                    .build());

            assertThat(response.finishReason()).isEqualTo(FinishReason.TOOL_EXECUTION);
            ToolExecutionRequest call = response.aiMessage().toolExecutionRequests().get(0);
            assertThat(call.name()).isEqualTo("get_time");
            assertThat(call.arguments()).isEqualTo("{\"zone\":\"UTC\"}");
            assertThat(call.id()).isNotBlank();
        }
    }

    @Test
    void answersWithOpenAiStyleError() {
        try (FakeOpenAiServer server = FakeOpenAiServer.start(request -> Reply.error(401, "Incorrect API key provided"))) {

            assertThatThrownBy(() -> client(server).chat(ChatRequest.builder()
                    .messages(UserMessage.from("Hi")).build()))
                    .isInstanceOf(AuthenticationException.class)
                    .hasMessageContaining("Incorrect API key provided");
        }
    }

    @Test
    void holdsEveryCallForItsHoldBeforeAnsweringAnErrorToo() {
        List<Duration> holds = new CopyOnWriteArrayList<>();
        try (FakeOpenAiServer server = FakeOpenAiServer.holdingEachCall(Duration.ofMillis(250), holds::add,
                FakeOpenAiServer.failingFirst(FakeOpenAiServer.answers("Paris"),
                        FakeOpenAiServer.fails(500, "The server had an error")))) {

            assertThatThrownBy(() -> ask(server, "Capital of France?")).hasMessageContaining("The server had an error");
            assertThat(ask(server, "Capital of France?")).isEqualTo("Paris");

            assertThat(holds).containsExactly(Duration.ofMillis(250), Duration.ofMillis(250));
            assertThat(server.traffic().heldCalls()).isEqualTo(2);
            assertThat(server.traffic().requests()).isEqualTo(2);
        }
    }

    @Test
    void holdsNoCallWithoutAHold() {
        List<Duration> holds = new CopyOnWriteArrayList<>();
        try (FakeOpenAiServer server = FakeOpenAiServer.holdingEachCall(Duration.ZERO, holds::add,
                FakeOpenAiServer.answers("Paris"))) {

            assertThat(ask(server, "Capital of France?")).isEqualTo("Paris");

            assertThat(holds).isEmpty();
            assertThat(server.traffic().heldCalls()).isZero();
            assertThat(server.traffic().requests()).isEqualTo(1);
        }
        try (FakeOpenAiServer server = FakeOpenAiServer.start(request -> request.answer("Paris"))) {
            ask(server, "Capital of France?");
            assertThat(server.traffic().heldCalls()).isZero();
        }
    }

    @Test
    void countsTheCallsItIsInAtOnceAndTheirCallsPhase() throws Exception {
        // Each hold waits until both calls have arrived: the server is then in two at once.
        CountDownLatch bothArrived = new CountDownLatch(2);
        FakeOpenAiServer.Sleeper waitForTheOther = hold -> {
            bothArrived.countDown();
            bothArrived.await(1, TimeUnit.MINUTES);
        };
        try (FakeOpenAiServer server = FakeOpenAiServer.holdingEachCall(Duration.ofMillis(1), waitForTheOther,
                request -> request.answer("answer to " + request.prompt()))) {
            assertThat(server.traffic().callsPhase()).isZero();

            CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> ask(server, "one"));
            CompletableFuture<String> second = CompletableFuture.supplyAsync(() -> ask(server, "two"));

            assertThat(first.get()).isEqualTo("answer to one");
            assertThat(second.get()).isEqualTo("answer to two");
            FakeOpenAiServer.Traffic traffic = server.traffic();
            assertThat(traffic.mostInFlight()).isEqualTo(2);
            assertThat(traffic.heldCalls()).isEqualTo(2);
            assertThat(traffic.callsPhase()).isPositive();
            // The mean over the calls phase can be no more than the most at once.
            assertThat(traffic.meanInFlight()).isPositive().isLessThanOrEqualTo(2.0);
        }
    }

    @Test
    void refusesANegativeHold() {
        assertThatThrownBy(() -> FakeOpenAiServer.holdingEachCall(Duration.ofMillis(-1), request -> request.answer("x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("negative");
    }

    private static String ask(FakeOpenAiServer server, String prompt) {
        return client(server).chat(ChatRequest.builder().messages(UserMessage.from(prompt)).build()).aiMessage().text();
    }

    private static ChatModel client(FakeOpenAiServer server) {
        return OpenAiChatModel.builder().baseUrl(server.baseUrl()).modelName("test-model").apiKey("test-key")
                .maxRetries(0).build();
    }
}
