package dev.evalunit.model;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequestParameters;

import java.util.Objects;
import java.util.Set;

/**
 * A chat model that adds one concern to another (spans, retries, record/replay) and otherwise
 * describes itself as the model it wraps, so providers' defaults and capabilities show through.
 */
abstract class DecoratingChatModel implements ChatModel {

    /** The wrapped model. */
    final ChatModel delegate;

    DecoratingChatModel(ChatModel delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public ChatRequestParameters defaultRequestParameters() {
        return delegate.defaultRequestParameters();
    }

    @Override
    public ModelProvider provider() {
        return delegate.provider();
    }

    @Override
    public Set<Capability> supportedCapabilities() {
        return delegate.supportedCapabilities();
    }
}
