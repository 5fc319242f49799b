package dev.evalunit.config;

import org.apiguardian.api.API;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

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
@API(status = EXPERIMENTAL, since = "0.1.0")
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
     * {@code 90s}, {@code 5m} or {@code 1500ms}. The time the trial's model calls wait for a place
     * among the calls in flight ({@value #CONCURRENCY_PROPERTY_NAME}, an endpoint's rate limit)
     * does not count, for a task's own {@code timeout} either. Default: {@value #TIMEOUT_DEFAULT}.
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
     * How many tasks run at once across the whole run, and how many calls to one model are in
     * flight at most. A positive integer. Default: {@value #CONCURRENCY_DEFAULT}. Against a real
     * endpoint most of a trial is waiting, so a higher value shortens the run; outcomes do not
     * depend on it. When a task's only outside work is calls to a chat model under test (a
     * configured endpoint or a {@code @ModelUnderTest} {@code ChatModel}; not a code task, not the
     * user's own agent), up to twice this many such tasks are under way, one waiting with its
     * request for each call in flight, so that the endpoint never waits for a trial's checks; the
     * calls in flight still never exceed this value, and a trial's timeout does not run while its
     * calls wait for a place among them.
     */
    public static final String CONCURRENCY_PROPERTY_NAME = "evalunit.concurrency";

    /** Default of {@link #CONCURRENCY_PROPERTY_NAME}. */
    public static final int CONCURRENCY_DEFAULT = 4;

    /**
     * How many times one model call is retried after a transient fault (connection refused or
     * reset, a timed-out request, HTTP 408, 429 or 5xx, a body that does not parse), with
     * exponential backoff and jitter, honouring {@code Retry-After}, and never past the trial's
     * deadline. Other 4xx answers are not retried. A whole number, 0 or more. Default:
     * {@value #RETRIES_DEFAULT}.
     */
    public static final String RETRIES_PROPERTY_NAME = "evalunit.retries";

    /** Default of {@link #RETRIES_PROPERTY_NAME}. */
    public static final int RETRIES_DEFAULT = 3;

    /**
     * The wait before the first retry, as a duration such as {@code 500ms}; it doubles at each
     * retry (up to 30s), with jitter. A {@code Retry-After} from the endpoint takes precedence.
     * Default: {@value #RETRIES_BACKOFF_DEFAULT}.
     */
    public static final String RETRIES_BACKOFF_PROPERTY_NAME = "evalunit.retries.backoff";

    /** Default of {@link #RETRIES_BACKOFF_PROPERTY_NAME}. */
    public static final String RETRIES_BACKOFF_DEFAULT = "500ms";

    /**
     * Record or replay every model call: {@value #CASSETTE_RECORD} saves each trial's model
     * exchanges (request content and response, never headers or keys) in a JSON file under
     * {@link #CASSETTE_DIR_PROPERTY_NAME}; {@value #CASSETTE_REPLAY} answers from those files
     * without calling the endpoint, and a call with no recording is an error; {@value #CASSETTE_OFF}
     * calls the endpoint. Default: {@value #CASSETTE_DEFAULT}.
     */
    public static final String CASSETTE_PROPERTY_NAME = "evalunit.cassette";

    /** {@link #CASSETTE_PROPERTY_NAME} value: call the endpoint, record nothing. */
    public static final String CASSETTE_OFF = "off";

    /** {@link #CASSETTE_PROPERTY_NAME} value: call the endpoint and save every exchange. */
    public static final String CASSETTE_RECORD = "record";

    /** {@link #CASSETTE_PROPERTY_NAME} value: answer from the saved exchanges, never calling the endpoint. */
    public static final String CASSETTE_REPLAY = "replay";

    /** Default of {@link #CASSETTE_PROPERTY_NAME}. */
    public static final String CASSETTE_DEFAULT = CASSETTE_OFF;

    /**
     * Where recordings are written and read: one file per model, task and trial,
     * {@code <dir>/<model>/<task id>/trial-<n>.json}. A relative path is resolved against the
     * working directory (the module's directory under Maven). Default:
     * {@value #CASSETTE_DIR_DEFAULT}.
     */
    public static final String CASSETTE_DIR_PROPERTY_NAME = "evalunit.cassette.dir";

    /** Default of {@link #CASSETTE_DIR_PROPERTY_NAME}. */
    public static final String CASSETTE_DIR_DEFAULT = "src/test/resources/evalunit-cassettes";

    /**
     * The judge model of the {@code judge} check when a suite class declares no
     * {@code @JudgeModel}: {@value #JUDGE_OPENAI}, an OpenAI-compatible chat-completions endpoint
     * asked for a JSON verdict through structured output ({@code response_format} with a JSON
     * schema). No default: a task with a {@code judge} check and no judge errors with a message
     * saying how to configure one. Tasks without {@code judge} checks never need a judge.
     */
    public static final String JUDGE_PROPERTY_NAME = "evalunit.judge";

    /** {@link #JUDGE_PROPERTY_NAME} value: an OpenAI-compatible chat-completions endpoint. */
    public static final String JUDGE_OPENAI = "openai";

    /**
     * Base URL of the judge's OpenAI-compatible endpoint, e.g. {@code http://127.0.0.1:11434/v1}.
     * Independent of {@link #MODEL_BASE_URL_PROPERTY_NAME}: the judge is usually another model.
     * Default: {@value #JUDGE_BASE_URL_DEFAULT}.
     */
    public static final String JUDGE_BASE_URL_PROPERTY_NAME = "evalunit.judge.base-url";

    /** Default of {@link #JUDGE_BASE_URL_PROPERTY_NAME}: OpenAI's public API. */
    public static final String JUDGE_BASE_URL_DEFAULT = "https://api.openai.com/v1";

    /** The judge's model name sent to the endpoint, e.g. {@code gpt-4o-mini}. Required with {@value #JUDGE_OPENAI}. */
    public static final String JUDGE_NAME_PROPERTY_NAME = "evalunit.judge.name";

    /**
     * Name of the environment variable that holds the judge endpoint's API key. Default:
     * {@value #JUDGE_API_KEY_ENV_DEFAULT}. Like the model's key, it is sent to the endpoint and
     * written nowhere else.
     */
    public static final String JUDGE_API_KEY_ENV_PROPERTY_NAME = "evalunit.judge.api-key-env";

    /** Default of {@link #JUDGE_API_KEY_ENV_PROPERTY_NAME}. */
    public static final String JUDGE_API_KEY_ENV_DEFAULT = "OPENAI_API_KEY";

    /**
     * Continues a run that was stopped: a task that an earlier build in the same report directory
     * scored (passed or failed), against the same model and unchanged since, is not run again; its
     * earlier result is carried into this build's results. Errored tasks and changed tasks run
     * again. Default: {@value #RESUME_DEFAULT}.
     */
    public static final String RESUME_PROPERTY_NAME = "evalunit.resume";

    /** Default of {@link #RESUME_PROPERTY_NAME}. */
    public static final String RESUME_DEFAULT = "false";

    /**
     * What tells one build from another in a report directory: every engine execution with the same
     * build id adds to the same results, one with another id starts them afresh. Default: the Maven
     * process the tests run under (its pid and start time), else the current JVM; set it when a
     * build is driven some other way (a wrapper that starts several JVMs).
     */
    public static final String BUILD_ID_PROPERTY_NAME = "evalunit.build-id";

    /**
     * Runs only the tasks whose id matches one of these globs, comma-separated ({@code *} and
     * {@code ?}; {@code *} also matches {@code /}), e.g. {@code tools/*} or {@code tools/oom,qa/*};
     * a glob may name the suite too, {@code SreEvalTest#tools/*} (the suite's simple or full class
     * name, or its location). Default: every task.
     */
    public static final String TASKS_PROPERTY_NAME = "evalunit.tasks";

    /**
     * How long one model call may wait for an answer, as a duration such as {@code 60s}, counted
     * from when it has its place among the calls in flight. A call past it is a transient fault: abandoned, retried ({@value #RETRIES_PROPERTY_NAME}), then an
     * error naming the endpoint, never a score. Default: {@value #CALL_TIMEOUT_DEFAULT}.
     */
    public static final String CALL_TIMEOUT_PROPERTY_NAME = "evalunit.call-timeout";

    /** Default of {@link #CALL_TIMEOUT_PROPERTY_NAME}. */
    public static final String CALL_TIMEOUT_DEFAULT = "60s";
    // ---- What a user sees while and after a run: progress, the HTML report, traces, budgets

    /**
     * Whether the engine prints a progress line per model while tasks run ({@code true} or
     * {@code false}). Default: {@value #PROGRESS_DEFAULT}.
     */
    public static final String PROGRESS_PROPERTY_NAME = "evalunit.progress";

    /** Default of {@link #PROGRESS_PROPERTY_NAME}. */
    public static final String PROGRESS_DEFAULT = "true";

    /**
     * How often the progress line is printed while tasks run, as a duration such as {@code 10s} or
     * {@code 1m}; it is also printed at the end of each suite. Default: {@value #PROGRESS_INTERVAL_DEFAULT}.
     */
    public static final String PROGRESS_INTERVAL_PROPERTY_NAME = "evalunit.progress.interval";

    /** Default of {@link #PROGRESS_INTERVAL_PROPERTY_NAME}. */
    public static final String PROGRESS_INTERVAL_DEFAULT = "10s";

    /**
     * Whether the engine writes {@code report.html} into the report directory at the end of a run
     * ({@code true} or {@code false}). Default: {@value #HTML_REPORT_DEFAULT}.
     */
    public static final String HTML_REPORT_PROPERTY_NAME = "evalunit.report.html";

    /** Default of {@link #HTML_REPORT_PROPERTY_NAME}. */
    public static final String HTML_REPORT_DEFAULT = "true";

    /**
     * The most tokens (input plus output, over every model call of the run) the run may spend: once
     * spent, tasks not yet started are skipped and the summary says the run was cut short. A
     * positive integer. Default: no limit.
     */
    public static final String MAX_TOKENS_PROPERTY_NAME = "evalunit.max-tokens";

    /**
     * The most the run may cost, in the currency of {@link #PRICES_PROPERTY_NAME}, e.g. {@code 5.00}:
     * once spent, tasks not yet started are skipped. Needs prices. Default: no limit.
     */
    public static final String MAX_COST_PROPERTY_NAME = "evalunit.max-cost";

    /**
     * Prices per model, per million tokens, input then output:
     * {@code gpt-4o=2.50/10.00,gpt-4o-mini=0.15/0.60}. With prices the summary and the report show
     * each model's cost. Default: none.
     */
    public static final String PRICES_PROPERTY_NAME = "evalunit.prices";

    /**
     * An OTLP/HTTP endpoint (protobuf) every trial's spans are exported to, with the task id, trial,
     * outcome and each check's verdict, e.g. {@code http://localhost:4318} (the path
     * {@code /v1/traces} is added). When unset, {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT} (used as
     * is) or {@code OTEL_EXPORTER_OTLP_ENDPOINT} are honoured, with {@code OTEL_EXPORTER_OTLP_HEADERS}.
     * Default: no export.
     */
    public static final String OTLP_ENDPOINT_PROPERTY_NAME = "evalunit.otlp.endpoint";

    /**
     * Where code tasks compile and run the model's code: {@value #SANDBOX_BUBBLEWRAP} (Linux
     * namespaces through bubblewrap: the code sees only its workspace, the JDK and its jars, no
     * network but its own receiver, within caps on memory, processes, CPU and disk; see
     * docs/security.md) or {@value #SANDBOX_NONE} (unconfined, as the engine's user: only inside a
     * throwaway machine; a warning is printed and {@code summary.json} records it, so the gate's
     * {@code requireSandbox} can refuse the run). With no working sandbox a code task errors
     * saying what to install. Default: {@value #SANDBOX_DEFAULT}.
     */
    public static final String SANDBOX_PROPERTY_NAME = "evalunit.sandbox";

    /** {@link #SANDBOX_PROPERTY_NAME} value: bubblewrap. */
    public static final String SANDBOX_BUBBLEWRAP = "bubblewrap";

    /** {@link #SANDBOX_PROPERTY_NAME} value: no sandbox. */
    public static final String SANDBOX_NONE = "none";

    /** Default of {@link #SANDBOX_PROPERTY_NAME}. */
    public static final String SANDBOX_DEFAULT = SANDBOX_BUBBLEWRAP;

    private Constants() {
    }
}
