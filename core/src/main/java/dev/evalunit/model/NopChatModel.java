package dev.evalunit.model;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;

/**
 * Answers every request with empty text (a code task: its workspace unchanged) and calls no tool:
 * a suite run against it shows its checks can fail.
 */
final class NopChatModel implements ChatModel, BuiltInModel {

    static final String NAME = "nop";

    private final String answer;

    NopChatModel() {
        this("");
    }

    /** @param answer what to answer instead of empty text: for a code task, its workspace unchanged */
    NopChatModel(String answer) {
        this.answer = answer;
    }

    @Override
    public String modelName() {
        return NAME;
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        return ChatResponse.builder()
                .aiMessage(AiMessage.from(answer))
                .modelName(NAME)
                .tokenUsage(new TokenUsage(OracleChatModel.estimateTokens(request), 0))
                .finishReason(FinishReason.STOP)
                .build();
    }
}
