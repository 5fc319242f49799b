package dev.evalunit.model;

import org.apiguardian.api.API;

import io.opentelemetry.api.common.AttributeKey;

import java.util.List;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * The span attributes EvalUnit writes, from the OpenTelemetry GenAI semantic conventions, plus
 * EvalUnit's own {@code evalunit.*} keys on each trial's root span. Task files check spans by
 * these names.
 *
 * @since 0.1.0
 */
@API(status = INTERNAL, since = "0.1.0")
public final class GenAiAttributes {

    /** {@code chat}, {@code execute_tool} or {@code invoke_agent}. */
    public static final AttributeKey<String> OPERATION_NAME = AttributeKey.stringKey("gen_ai.operation.name");
    /** Who serves the model, e.g. {@code openai}. */
    public static final AttributeKey<String> PROVIDER_NAME = AttributeKey.stringKey("gen_ai.provider.name");
    /** The model asked for. */
    public static final AttributeKey<String> REQUEST_MODEL = AttributeKey.stringKey("gen_ai.request.model");
    /** The model that answered. */
    public static final AttributeKey<String> RESPONSE_MODEL = AttributeKey.stringKey("gen_ai.response.model");
    /** The response's id, when the provider gives one. */
    public static final AttributeKey<String> RESPONSE_ID = AttributeKey.stringKey("gen_ai.response.id");
    /** Tokens read. */
    public static final AttributeKey<Long> USAGE_INPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.input_tokens");
    /** Tokens written. */
    public static final AttributeKey<Long> USAGE_OUTPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.output_tokens");
    /** Why the model stopped, e.g. {@code [stop]} or {@code [tool_calls]}. */
    public static final AttributeKey<List<String>> RESPONSE_FINISH_REASONS =
            AttributeKey.stringArrayKey("gen_ai.response.finish_reasons");
    /** The class of error that ended an operation. */
    public static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    /** The tool called. */
    public static final AttributeKey<String> TOOL_NAME = AttributeKey.stringKey("gen_ai.tool.name");
    /** The id the model gave the call. */
    public static final AttributeKey<String> TOOL_CALL_ID = AttributeKey.stringKey("gen_ai.tool.call.id");
    /** The arguments, as the JSON the model sent. */
    public static final AttributeKey<String> TOOL_CALL_ARGUMENTS = AttributeKey.stringKey("gen_ai.tool.call.arguments");
    /** What the tool returned. */
    public static final AttributeKey<String> TOOL_CALL_RESULT = AttributeKey.stringKey("gen_ai.tool.call.result");
    /** The name of the model under test, on the trial's {@code invoke_agent} root span. */
    public static final AttributeKey<String> AGENT_NAME = AttributeKey.stringKey("gen_ai.agent.name");
    /** The task's id, on the trial's root span. */
    public static final AttributeKey<String> EVALUNIT_TASK_ID = AttributeKey.stringKey("evalunit.task.id");
    /** The trial's number, from 1, on the trial's root span. */
    public static final AttributeKey<Long> EVALUNIT_TRIAL = AttributeKey.longKey("evalunit.trial");

    /** {@link #OPERATION_NAME} of a model call. */
    public static final String OPERATION_CHAT = "chat";
    /** {@link #OPERATION_NAME} of a tool call. */
    public static final String OPERATION_EXECUTE_TOOL = "execute_tool";
    /** {@link #OPERATION_NAME} of a trial's root span. */
    public static final String OPERATION_INVOKE_AGENT = "invoke_agent";

    private GenAiAttributes() {
    }
}
