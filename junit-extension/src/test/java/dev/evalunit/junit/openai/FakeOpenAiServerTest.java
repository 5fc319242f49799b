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

    private static ChatModel client(FakeOpenAiServer server) {
        return OpenAiChatModel.builder().baseUrl(server.baseUrl()).modelName("test-model").apiKey("test-key")
                .maxRetries(0).build();
    }
}
