package dev.evalunit.model;

import dev.evalunit.task.Reference;
import dev.evalunit.task.ToolCall;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;

import java.util.Objects;

/**
 * Plays a task's reference solution as a chat model: one reference tool call per turn, then the
 * reference output. It reads its progress from the conversation, so it holds no state and its
 * spans come from the same tool loop as a real model's.
 */
final class OracleChatModel implements ChatModel, BuiltInModel {

    static final String NAME = "oracle";

    private final Reference reference;

    OracleChatModel(Reference reference) {
        this.reference = Objects.requireNonNull(reference, "reference");
    }

    @Override
    public String modelName() {
        return NAME;
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        int callsMade = (int) request.messages().stream()
                .filter(message -> message instanceof AiMessage && ((AiMessage) message).hasToolExecutionRequests())
                .count();
        AiMessage answer;
        FinishReason finish;
        if (callsMade < reference.toolCalls().size()) {
            ToolCall call = reference.toolCalls().get(callsMade);
            answer = AiMessage.from(ToolExecutionRequest.builder()
                    .id("call_" + (callsMade + 1))
                    .name(call.name())
                    .arguments(call.arguments())
                    .build());
            finish = FinishReason.TOOL_EXECUTION;
        } else {
            answer = AiMessage.from(reference.output());
            finish = FinishReason.STOP;
        }
        return ChatResponse.builder()
                .aiMessage(answer)
                .modelName(NAME)
                .tokenUsage(new TokenUsage(estimateTokens(request), estimateTokens(answer)))
                .finishReason(finish)
                .build();
    }

    /** A rough count (four characters a token), so token checks have figures to work on. */
    static int estimateTokens(ChatRequest request) {
        int chars = 0;
        for (ChatMessage message : request.messages()) {
            chars += message.toString().length();
        }
        return Math.max(1, chars / 4);
    }

    private static int estimateTokens(AiMessage message) {
        int chars = message.text() == null ? 0 : message.text().length();
        for (ToolExecutionRequest call : message.toolExecutionRequests()) {
            chars += call.name().length() + call.arguments().length();
        }
        return Math.max(1, chars / 4);
    }
}
