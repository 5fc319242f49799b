package dev.evalunit.model;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.ChatRequestOptions;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;

/**
 * A chat model whose HTTP client is {@link RetryAfterHttpClient}, which takes each call's place
 * among the calls in flight when the request goes out ({@link CallPlace}); what
 * {@link OpenAiModels} builds. {@link RetryingChatModel} leaves the place to the client for such a
 * model, and takes it around the whole attempt for any other.
 */
final class WirePlacedChatModel extends DecoratingChatModel {

    WirePlacedChatModel(ChatModel delegate) {
        super(delegate);
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        return delegate.chat(request);
    }

    @Override
    public ChatResponse chat(ChatRequest request, ChatRequestOptions options) {
        return delegate.chat(request, options);
    }
}
