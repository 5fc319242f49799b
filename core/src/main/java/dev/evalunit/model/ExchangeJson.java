package dev.evalunit.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.internal.JsonSchemaElementJsonUtils;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A model exchange as readable JSON: the request's messages and tools, and the response's
 * message, finish reason, model, id and token usage. Nothing about transport: no headers, no key.
 */
final class ExchangeJson {

    static final ObjectMapper JSON = new ObjectMapper();

    private ExchangeJson() {
    }

    static ObjectNode request(ChatRequest request) {
        ObjectNode node = JSON.createObjectNode();
        ArrayNode messages = node.putArray("messages");
        for (ChatMessage message : request.messages()) {
            messages.add(message(message));
        }
        List<ToolSpecification> tools = request.toolSpecifications();
        if (tools != null && !tools.isEmpty()) {
            ArrayNode array = node.putArray("tools");
            for (ToolSpecification tool : tools) {
                ObjectNode spec = array.addObject().put("name", tool.name());
                if (tool.description() != null) {
                    spec.put("description", tool.description());
                }
                if (tool.parameters() != null) {
                    spec.set("parameters", JSON.valueToTree(JsonSchemaElementJsonUtils.toMap(tool.parameters())));
                }
            }
        }
        return node;
    }

    private static ObjectNode message(ChatMessage message) {
        ObjectNode node = JSON.createObjectNode();
        if (message instanceof SystemMessage) {
            node.put("role", "system").put("text", ((SystemMessage) message).text());
        } else if (message instanceof UserMessage) {
            UserMessage user = (UserMessage) message;
            node.put("role", "user");
            if (user.hasSingleText()) {
                node.put("text", user.singleText());
            } else {
                ArrayNode contents = node.putArray("contents");
                for (Content content : user.contents()) {
                    contents.add(content instanceof TextContent ? ((TextContent) content).text() : content.toString());
                }
            }
        } else if (message instanceof AiMessage) {
            node.put("role", "assistant");
            aiMessage(node, (AiMessage) message);
        } else if (message instanceof ToolExecutionResultMessage) {
            ToolExecutionResultMessage result = (ToolExecutionResultMessage) message;
            node.put("role", "tool").put("id", result.id()).put("name", result.toolName()).put("text", result.text());
        } else {
            node.put("role", message.type().name().toLowerCase(Locale.ROOT)).put("text", message.toString());
        }
        return node;
    }

    private static void aiMessage(ObjectNode node, AiMessage message) {
        node.put("text", message.text());
        if (message.thinking() != null) {
            node.put("thinking", message.thinking());
        }
        if (message.hasToolExecutionRequests()) {
            ArrayNode calls = node.putArray("tool-calls");
            for (ToolExecutionRequest call : message.toolExecutionRequests()) {
                calls.addObject().put("id", call.id()).put("name", call.name()).put("arguments", call.arguments());
            }
        }
    }

    static ObjectNode response(ChatResponse response) {
        ObjectNode node = JSON.createObjectNode();
        aiMessage(node, response.aiMessage());
        if (response.finishReason() != null) {
            node.put("finish-reason", response.finishReason().name());
        }
        if (response.modelName() != null) {
            node.put("model", response.modelName());
        }
        if (response.id() != null) {
            node.put("id", response.id());
        }
        TokenUsage usage = response.tokenUsage();
        if (usage != null) {
            if (usage.inputTokenCount() != null) {
                node.put("input-tokens", usage.inputTokenCount());
            }
            if (usage.outputTokenCount() != null) {
                node.put("output-tokens", usage.outputTokenCount());
            }
        }
        return node;
    }

    static ChatResponse response(JsonNode node) {
        AiMessage.Builder message = AiMessage.builder().text(text(node, "text"));
        if (node.hasNonNull("thinking")) {
            message.thinking(node.get("thinking").asText());
        }
        List<ToolExecutionRequest> calls = new ArrayList<>();
        for (JsonNode call : node.path("tool-calls")) {
            calls.add(ToolExecutionRequest.builder().id(text(call, "id")).name(text(call, "name"))
                    .arguments(text(call, "arguments")).build());
        }
        if (!calls.isEmpty()) {
            message.toolExecutionRequests(calls);
        }
        ChatResponse.Builder response = ChatResponse.builder().aiMessage(message.build());
        if (node.hasNonNull("finish-reason")) {
            response.finishReason(FinishReason.valueOf(node.get("finish-reason").asText()));
        }
        response.modelName(text(node, "model"));
        response.id(text(node, "id"));
        if (node.hasNonNull("input-tokens") || node.hasNonNull("output-tokens")) {
            response.tokenUsage(new TokenUsage(integer(node, "input-tokens"), integer(node, "output-tokens")));
        }
        return response.build();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Integer integer(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asInt();
    }
}
