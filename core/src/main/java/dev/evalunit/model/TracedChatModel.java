package dev.evalunit.model;

import org.apiguardian.api.API;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.ChatRequestOptions;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;

import java.util.List;
import java.util.Objects;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * A {@link ChatModel} that records each call as a GenAI {@code chat} CLIENT span: request and
 * response model, token usage, finish reasons, and {@code error.type} when the call fails.
 * Works with any LangChain4j provider; the span's parent is the current span.
 *
 * <p>Agents get one from {@link AgentContext#traced(ChatModel)}; the engine wraps every
 * {@code @ModelUnderTest} chat model the same way.
 *
 * @since 0.1.0
 */
@API(status = INTERNAL, since = "0.1.0")
public final class TracedChatModel extends DecoratingChatModel {

    private final Tracer tracer;

    private TracedChatModel(ChatModel delegate, Tracer tracer) {
        super(delegate);
        this.tracer = Objects.requireNonNull(tracer, "tracer");
    }

    /**
     * @param model the model to trace; never {@code null}
     * @param tracer makes the spans; never {@code null}
     * @return {@code model}, each call of which makes a {@code chat} span
     */
    public static ChatModel wrap(ChatModel model, Tracer tracer) {
        return new TracedChatModel(model, tracer);
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        return traced(request, () -> delegate.chat(request));
    }

    @Override
    public ChatResponse chat(ChatRequest request, ChatRequestOptions options) {
        return traced(request, () -> delegate.chat(request, options));
    }

    private ChatResponse traced(ChatRequest request, java.util.function.Supplier<ChatResponse> call) {
        String requestModel = requestModel(request);
        Span span = tracer.spanBuilder(GenAiAttributes.OPERATION_CHAT + " " + requestModel)
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute(GenAiAttributes.OPERATION_NAME, GenAiAttributes.OPERATION_CHAT)
                .setAttribute(GenAiAttributes.PROVIDER_NAME, providerName(delegate))
                .setAttribute(GenAiAttributes.REQUEST_MODEL, requestModel)
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            ChatResponse response = call.get();
            record(span, response);
            return response;
        } catch (RuntimeException | Error e) {
            // The message may quote the endpoint's reply; only the type goes on the span.
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            span.setAttribute(GenAiAttributes.ERROR_TYPE, e.getClass().getName());
            throw e;
        } finally {
            span.end();
        }
    }

    private static void record(Span span, ChatResponse response) {
        if (response == null) {
            return;
        }
        if (response.modelName() != null) {
            span.setAttribute(GenAiAttributes.RESPONSE_MODEL, response.modelName());
        }
        if (response.id() != null) {
            span.setAttribute(GenAiAttributes.RESPONSE_ID, response.id());
        }
        TokenUsage usage = response.tokenUsage();
        if (usage != null) {
            if (usage.inputTokenCount() != null) {
                span.setAttribute(GenAiAttributes.USAGE_INPUT_TOKENS, usage.inputTokenCount().longValue());
            }
            if (usage.outputTokenCount() != null) {
                span.setAttribute(GenAiAttributes.USAGE_OUTPUT_TOKENS, usage.outputTokenCount().longValue());
            }
        }
        if (response.finishReason() != null) {
            span.setAttribute(GenAiAttributes.RESPONSE_FINISH_REASONS, List.of(finishReason(response.finishReason())));
        }
    }

    private String requestModel(ChatRequest request) {
        if (request.parameters() != null && request.parameters().modelName() != null) {
            return request.parameters().modelName();
        }
        ChatRequestParameters defaults = delegate.defaultRequestParameters();
        if (defaults != null && defaults.modelName() != null) {
            return defaults.modelName();
        }
        return delegate instanceof BuiltInModel ? ((BuiltInModel) delegate).modelName() : "unknown";
    }

    /** The GenAI semantic conventions' well-known provider names. */
    static String providerName(ChatModel model) {
        if (model instanceof BuiltInModel) {
            return "evalunit";
        }
        ModelProvider provider = model.provider();
        if (provider == null) {
            return "other";
        }
        switch (provider) {
            case OPEN_AI: return "openai";
            case AZURE_OPEN_AI: return "azure.ai.openai";
            case ANTHROPIC: return "anthropic";
            case AMAZON_BEDROCK: return "aws.bedrock";
            case GOOGLE_AI_GEMINI: return "gcp.gemini";
            case GOOGLE_GENAI: return "gcp.gen_ai";
            case GOOGLE_VERTEX_AI_GEMINI:
            case GOOGLE_VERTEX_AI_ANTHROPIC: return "gcp.vertex_ai";
            case MISTRAL_AI: return "mistral_ai";
            case WATSONX: return "ibm.watsonx.ai";
            case COHERE: return "cohere";
            case OLLAMA: return "ollama";
            default: return provider.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    static String finishReason(FinishReason reason) {
        switch (reason) {
            case STOP: return "stop";
            case LENGTH: return "length";
            case TOOL_EXECUTION: return "tool_calls";
            case CONTENT_FILTER: return "content_filter";
            default: return reason.name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
