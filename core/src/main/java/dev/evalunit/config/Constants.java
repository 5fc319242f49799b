package dev.evalunit.config;

/**
 * Every configuration key EvalUnit reads, in one place.
 *
 * <p>The engine reads these as JUnit Platform configuration parameters, so each can be set as a
 * {@code -D} system property (Surefire passes Maven's {@code -D} properties on), in
 * {@code junit-platform.properties}, or with {@code @ConfigurationParameter} on a JUnit
 * {@code @Suite}. The Jupiter extension reads them the same way.
 *
 * @since 0.1.0
 */
public final class Constants {

    /**
     * The model under test when a suite class declares no {@code @ModelUnderTest}:
     * {@value #MODEL_OPENAI}, {@value #MODEL_ORACLE} or {@value #MODEL_NOP}. No default: a suite
     * with neither this key nor a {@code @ModelUnderTest} member fails every task with a message
     * saying how to wire a model.
     */
    public static final String MODEL_PROPERTY_NAME = "evalunit.model";

    /** {@link #MODEL_PROPERTY_NAME} value: an OpenAI-compatible chat-completions endpoint. */
    public static final String MODEL_OPENAI = "openai";

    /** {@link #MODEL_PROPERTY_NAME} value: replays each task's {@code reference} through the tool loop. */
    public static final String MODEL_ORACLE = "oracle";

    /** {@link #MODEL_PROPERTY_NAME} value: answers with empty text and calls no tool. */
    public static final String MODEL_NOP = "nop";

    /**
     * Base URL of the OpenAI-compatible endpoint, e.g. {@code http://127.0.0.1:8000/v1} for a local
     * vLLM, Ollama or llama.cpp server. Default: {@value #MODEL_BASE_URL_DEFAULT}.
     */
    public static final String MODEL_BASE_URL_PROPERTY_NAME = "evalunit.model.base-url";

    /** Default of {@link #MODEL_BASE_URL_PROPERTY_NAME}: OpenAI's public API. */
    public static final String MODEL_BASE_URL_DEFAULT = "https://api.openai.com/v1";

    /** The model name sent to the endpoint, e.g. {@code gpt-4o}. Required with {@value #MODEL_OPENAI}. */
    public static final String MODEL_NAME_PROPERTY_NAME = "evalunit.model.name";

    /**
     * Name of the environment variable that holds the API key. Default:
     * {@value #MODEL_API_KEY_ENV_DEFAULT}. The key is sent to the endpoint and written nowhere
     * else: not in reports, logs, exception messages, span attributes or display names.
     */
    public static final String MODEL_API_KEY_ENV_PROPERTY_NAME = "evalunit.model.api-key-env";

    /** Default of {@link #MODEL_API_KEY_ENV_PROPERTY_NAME}. */
    public static final String MODEL_API_KEY_ENV_DEFAULT = "OPENAI_API_KEY";

    /** Where the engine writes its files. Default: {@value #REPORT_DIR_DEFAULT}. */
    public static final String REPORT_DIR_PROPERTY_NAME = "evalunit.report.dir";

    /** Default of {@link #REPORT_DIR_PROPERTY_NAME}. */
    public static final String REPORT_DIR_DEFAULT = "target/evalunit";

    /**
     * Runs only one shard of the tasks, as {@code I/N} with {@code I} from 1 to {@code N}, e.g.
     * {@code 2/4}. A task's shard is a stable function of its suite and id, so the N shards together
     * run every task exactly once and a rerun puts a task on the same shard. When unset, Bazel's
     * {@code TEST_TOTAL_SHARDS} and {@code TEST_SHARD_INDEX} (0-based) are honoured. Default: no
     * sharding.
     */
    public static final String SHARD_PROPERTY_NAME = "evalunit.shard";

    /**
     * Deadline of one trial when the task sets no {@code timeout}, as a duration such as
     * {@code 90s}, {@code 5m} or {@code 1500ms}. Default: {@value #TIMEOUT_DEFAULT}.
     */
    public static final String TIMEOUT_PROPERTY_NAME = "evalunit.timeout";

    /** Default of {@link #TIMEOUT_PROPERTY_NAME}. */
    public static final String TIMEOUT_DEFAULT = "5m";

    /**
     * The most tool calls one trial may make before it fails, so a model that loops on tools
     * cannot hang a build. A positive integer. Default: {@value #MAX_TOOL_CALLS_DEFAULT}.
     */
    public static final String MAX_TOOL_CALLS_PROPERTY_NAME = "evalunit.max-tool-calls";

    /** Default of {@link #MAX_TOOL_CALLS_PROPERTY_NAME}. */
    public static final int MAX_TOOL_CALLS_DEFAULT = 50;

    /**
     * How many tasks run at once across the whole run. A positive integer. Default:
     * {@value #CONCURRENCY_DEFAULT}. Against a real endpoint most of a trial is waiting, so a
     * higher value shortens the run; outcomes do not depend on it.
     */
    public static final String CONCURRENCY_PROPERTY_NAME = "evalunit.concurrency";

    /** Default of {@link #CONCURRENCY_PROPERTY_NAME}. */
    public static final int CONCURRENCY_DEFAULT = 4;

    private Constants() {
    }
}
