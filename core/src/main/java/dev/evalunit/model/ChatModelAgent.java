package dev.evalunit.model;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The tool loop: asks the model, runs the tools it calls, sends their results back, and repeats
 * until it answers without calling a tool. Every model call and tool call makes a span.
 */
final class ChatModelAgent implements Agent {

    private final ChatModel model;
    private final String endpoint;

    /** @param endpoint what failure messages call the model, e.g. {@code openai at http://127.0.0.1:8000/v1} */
    ChatModelAgent(ChatModel model, String endpoint) {
        this.model = Objects.requireNonNull(model, "model");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    }

    /** @return whether its calls go to an endpoint (through the run's call limit), not to a built-in model */
    boolean callsAnEndpoint() {
        return !(model instanceof BuiltInModel);
    }

    @Override
    public String answer(AgentContext context) throws InterruptedException {
        ChatModel traced = context.traced(model);
        List<ToolSpecification> tools = context.tools();
        List<ChatMessage> conversation = new ArrayList<>(context.messages());
        int calls = 0;
        while (true) {
            calls++;
            ChatRequest.Builder request = ChatRequest.builder().messages(conversation);
            if (!tools.isEmpty()) {
                request.toolSpecifications(tools);
            }
            ChatResponse response;
            try {
                response = traced.chat(request.build());
            } catch (AgentBudgetSpent e) {
                throw e; // a budget, not the endpoint: the trial fails saying which
            } catch (ModelCallException e) {
                // The retries already said what the endpoint answered; add which call it was.
                throw new ModelCallException("model call " + calls + " to " + endpoint + " failed: " + e.getMessage(),
                        e.getCause() == null ? e : e.getCause());
            } catch (RuntimeException e) {
                throw new ModelCallException("model call " + calls + " to " + endpoint + " failed", e);
            }
            AiMessage message = response == null ? null : response.aiMessage();
            if (message == null) {
                throw new IllegalStateException("the model returned a response without a message");
            }
            if (!message.hasToolExecutionRequests()) {
                return message.text() == null ? "" : message.text();
            }
            conversation.add(message);
            for (ToolExecutionRequest call : message.toolExecutionRequests()) {
                String result = context.executeTool(call);
                conversation.add(ToolExecutionResultMessage.from(call, result));
                if (context.finished().isPresent()) {
                    // The agent called finish: calls after it in the same turn are not run.
                    return context.finished().get();
                }
            }
            if (Thread.interrupted()) {
                // The trial's deadline passed while a tool ran: stop before the next model call.
                throw new InterruptedException("trial deadline passed");
            }
        }
    }
}
