package dev.evalunit.model;

import org.apiguardian.api.API;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.ChatRequestOptions;
import dev.langchain4j.model.chat.response.ChatResponse;

import java.util.Objects;
import java.util.function.Consumer;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * A chat model whose calls are checked against an agent's budgets: before each call (time) and
 * after each reply (tokens). The checks throw {@link AgentBudgetSpent} to end the trial.
 *
 * @since 0.1.0
 */
@API(status = INTERNAL, since = "0.1.0")
public final class BudgetedChatModel extends DecoratingChatModel {

    private final Runnable before;
    private final Consumer<ChatResponse> after;

    private BudgetedChatModel(ChatModel delegate, Runnable before, Consumer<ChatResponse> after) {
        super(delegate);
        this.before = Objects.requireNonNull(before, "before");
        this.after = Objects.requireNonNull(after, "after");
    }

    /**
     * @param model the model; never {@code null}
     * @param before runs before each call; never {@code null}
     * @param after runs on each reply; never {@code null}
     * @return {@code model} with the checks around each call
     */
    public static ChatModel wrap(ChatModel model, Runnable before, Consumer<ChatResponse> after) {
        return new BudgetedChatModel(model, before, after);
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        before.run();
        ChatResponse response = delegate.chat(request);
        after.accept(response);
        return response;
    }

    @Override
    public ChatResponse chat(ChatRequest request, ChatRequestOptions options) {
        before.run();
        ChatResponse response = delegate.chat(request, options);
        after.accept(response);
        return response;
    }
}
