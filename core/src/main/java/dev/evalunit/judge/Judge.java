package dev.evalunit.judge;

import org.apiguardian.api.API;

import dev.evalunit.check.CheckUnscorableException;
import dev.evalunit.config.Constants;
import dev.evalunit.config.Settings;
import dev.evalunit.model.GenAiAttributes;
import dev.evalunit.model.TracedChatModel;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.exception.UnsupportedFeatureException;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * The judge model of a suite: a LangChain4j {@link ChatModel} that grades answers against the
 * rubrics of {@code judge} checks. Built from a {@code @JudgeModel} member of the suite class or
 * from configuration ({@value Constants#JUDGE_PROPERTY_NAME}); a suite with neither has an
 * {@linkplain #unconfigured unconfigured} judge, whose checks error with how to configure one.
 *
 * <p>The judge is asked for a JSON object {@code {"reason": ..., "verdict": "pass"|"fail"}}, with
 * the provider's structured output where the model declares it
 * ({@link Capability#RESPONSE_FORMAT_JSON_SCHEMA}), else its JSON mode, else the prompt alone. A
 * reply that does not read strictly as that object is asked for again once; a second unreadable
 * reply, or a failing endpoint, makes the check {@linkplain CheckUnscorableException unscorable}:
 * never a pass.
 *
 * <p>Each grading is a trace of its own: a {@code judge {name}} root span linked to the trial's
 * root span, with a {@code chat} span per judge call under it.
 *
 * <p>Safe to share between trials that run at the same time, provided the chat model is.
 *
 * @since 0.1.0
 */
@API(status = INTERNAL, since = "0.1.0")
public final class Judge {

    static final String SPAN_NAME_PREFIX = "judge ";
    static final AttributeKey<String> JUDGE_NAME = AttributeKey.stringKey("evalunit.judge.name");
    static final AttributeKey<String> RUBRIC = AttributeKey.stringKey("evalunit.judge.rubric");
    static final AttributeKey<Long> SAMPLES = AttributeKey.longKey("evalunit.judge.samples");
    static final AttributeKey<Long> PASSES = AttributeKey.longKey("evalunit.judge.passes");
    /** From the GenAI semantic conventions' evaluation result. */
    static final AttributeKey<String> EVALUATION_NAME = AttributeKey.stringKey("gen_ai.evaluation.name");
    static final AttributeKey<String> SCORE_LABEL = AttributeKey.stringKey("gen_ai.evaluation.score.label");
    static final AttributeKey<String> EXPLANATION = AttributeKey.stringKey("gen_ai.evaluation.explanation");
    static final String UNREADABLE_REPLY_EVENT = "evalunit.judge.unreadable_reply";
    static final AttributeKey<String> PROBLEM = AttributeKey.stringKey("evalunit.judge.problem");

    /** Keys sent to a local server that needs none; not a secret. */
    private static final String NO_KEY = "not-needed";

    /** Retries of one judge call by LangChain4j's client, for transient faults (5xx, 429, connection). */
    private static final int HTTP_RETRIES = 2;

    private final String name;
    private final Optional<ChatModel> model;
    private final String unconfigured;
    private final Optional<String> secret;
    /** Set once the model refused JSON mode: later calls rely on the prompt alone. */
    private final AtomicBoolean jsonModeRefused = new AtomicBoolean();

    private Judge(String name, Optional<ChatModel> model, String unconfigured, Optional<String> secret) {
        this.name = Objects.requireNonNull(name, "name");
        this.model = model;
        this.unconfigured = unconfigured;
        this.secret = secret;
    }

    /**
     * @param name the name messages and spans use, e.g. {@code gpt-4o-mini}; never {@code null}
     * @param model any LangChain4j chat model; never {@code null}
     * @return a judge that asks {@code model}
     */
    public static Judge of(String name, ChatModel model) {
        return new Judge(name, Optional.of(Objects.requireNonNull(model, "model")), "", Optional.empty());
    }

    /**
     * A judge for a suite that has none: every {@code judge} check errors with {@code howToConfigure}.
     * Suites without {@code judge} checks never notice it.
     *
     * @param howToConfigure what the user should do; never {@code null}
     * @return the judge
     */
    public static Judge unconfigured(String howToConfigure) {
        return new Judge("no judge", Optional.empty(), Objects.requireNonNull(howToConfigure, "howToConfigure"),
                Optional.empty());
    }

    /**
     * The judge named by {@value Constants#JUDGE_PROPERTY_NAME}, if any: with {@value Constants#JUDGE_OPENAI},
     * LangChain4j's OpenAI client at {@value Constants#JUDGE_BASE_URL_PROPERTY_NAME} asking for
     * {@value Constants#JUDGE_NAME_PROPERTY_NAME}, with the key from the environment variable named by
     * {@value Constants#JUDGE_API_KEY_ENV_PROPERTY_NAME}. One judge call may take as long as
     * {@value Constants#TIMEOUT_PROPERTY_NAME}.
     *
     * @param settings the run's configuration; never {@code null}
     * @param environment reads environment variables (the API key); never {@code null}
     * @return the judge, or empty when {@value Constants#JUDGE_PROPERTY_NAME} is unset
     * @throws IllegalArgumentException when the configuration is incomplete or wrong; the message
     *         says which key to set
     */
    public static Optional<Judge> fromSettings(Settings settings, Function<String, String> environment) {
        Optional<String> kind = settings.get(Constants.JUDGE_PROPERTY_NAME);
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        if (!kind.get().equals(Constants.JUDGE_OPENAI)) {
            throw new IllegalArgumentException("Configuration " + Constants.JUDGE_PROPERTY_NAME + "=" + kind.get()
                    + " names no judge; use " + Constants.JUDGE_OPENAI + " (an OpenAI-compatible endpoint), or declare"
                    + " a @JudgeModel member in the suite class");
        }
        String modelName = settings.get(Constants.JUDGE_NAME_PROPERTY_NAME).orElseThrow(() ->
                new IllegalArgumentException(Constants.JUDGE_PROPERTY_NAME + "=" + Constants.JUDGE_OPENAI
                        + " needs the judge model's name: set " + Constants.JUDGE_NAME_PROPERTY_NAME + ", e.g. -D"
                        + Constants.JUDGE_NAME_PROPERTY_NAME + "=gpt-4o-mini"));
        String baseUrl = settings.get(Constants.JUDGE_BASE_URL_PROPERTY_NAME, Constants.JUDGE_BASE_URL_DEFAULT);
        String keyVariable = settings.get(Constants.JUDGE_API_KEY_ENV_PROPERTY_NAME,
                Constants.JUDGE_API_KEY_ENV_DEFAULT);
        Optional<String> apiKey = Optional.ofNullable(environment.apply(keyVariable)).map(String::trim)
                .filter(key -> !key.isEmpty());
        if (apiKey.isEmpty() && baseUrl.equals(Constants.JUDGE_BASE_URL_DEFAULT)) {
            throw new IllegalArgumentException("The environment variable " + keyVariable + " holds no API key for the"
                    + " judge at " + baseUrl + "; export it, or name another variable with "
                    + Constants.JUDGE_API_KEY_ENV_PROPERTY_NAME + ", or point " + Constants.JUDGE_BASE_URL_PROPERTY_NAME
                    + " at a server that needs no key");
        }
        Duration timeout = settings.duration(Constants.TIMEOUT_PROPERTY_NAME, Constants.TIMEOUT_DEFAULT);
        ChatModel model = OpenAiChatModel.builder()
                .baseUrl(baseUrl)
                .modelName(modelName)
                .apiKey(apiKey.orElse(NO_KEY))
                .timeout(timeout)
                .maxRetries(HTTP_RETRIES)
                // OpenAI's structured outputs, which vLLM, Ollama, llama.cpp and LM Studio also serve.
                .supportedCapabilities(Set.of(Capability.RESPONSE_FORMAT_JSON_SCHEMA))
                .strictJsonSchema(true)
                .logRequests(false)
                .logResponses(false)
                .build();
        return Optional.of(new Judge(modelName, Optional.of(model), "", apiKey));
    }

    /**
     * @param suite the suite, as the message names it, e.g. the suite class's name; never {@code null}
     * @return the message of a {@code judge} check in a suite with no judge
     */
    public static String howToConfigure(String suite) {
        return "No judge model for the judge checks of " + suite + ". Either declare in " + suite
                + " a static @JudgeModel method or field returning a LangChain4j ChatModel, or set "
                + Constants.JUDGE_PROPERTY_NAME + "=" + Constants.JUDGE_OPENAI + " and "
                + Constants.JUDGE_NAME_PROPERTY_NAME + " (e.g. -D" + Constants.JUDGE_PROPERTY_NAME + "="
                + Constants.JUDGE_OPENAI + " -D" + Constants.JUDGE_NAME_PROPERTY_NAME + "=gpt-4o-mini; "
                + Constants.JUDGE_BASE_URL_PROPERTY_NAME + " for another OpenAI-compatible endpoint, "
                + Constants.JUDGE_API_KEY_ENV_PROPERTY_NAME + " for the key's environment variable, default "
                + Constants.JUDGE_API_KEY_ENV_DEFAULT + ")";
    }

    /** @return the name messages and spans use */
    public String name() {
        return name;
    }

    /** @return whether the judge has a model; an unconfigured one makes every judge check error */
    public boolean isConfigured() {
        return model.isPresent();
    }

    /**
     * @param text any text that may quote the judge endpoint's reply; never {@code null}
     * @return {@code text} with the judge's API key, if any, replaced by {@code ***}
     */
    public String redact(String text) {
        return secret.map(key -> text.replace(key, "***")).orElse(text);
    }

    @Override
    public String toString() {
        return name;
    }

    /**
     * Asks the judge {@code samples} times whether {@code answer} meets {@code rubric}.
     *
     * @param label the check's label, for the exception
     * @throws CheckUnscorableException when there is no judge, a call fails, or a reply cannot be
     *         read even when asked again
     */
    Judgement grade(JudgeContext context, String rubric, String answer, int samples, String label) {
        if (model.isEmpty()) {
            throw new CheckUnscorableException(label, unconfigured);
        }
        Span span = context.tracer().spanBuilder(SPAN_NAME_PREFIX + name)
                .setNoParent()
                .addLink(context.trialRoot())
                .setSpanKind(SpanKind.INTERNAL)
                .setAttribute(EVALUATION_NAME, "judge")
                .setAttribute(JUDGE_NAME, name)
                .setAttribute(GenAiAttributes.EVALUNIT_TASK_ID, context.taskId())
                .setAttribute(RUBRIC, rubric)
                .setAttribute(SAMPLES, (long) samples)
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            ChatModel traced = TracedChatModel.wrap(model.get(), context.tracer());
            List<ChatMessage> first = JudgePrompt.messages(context, rubric, answer);
            List<Verdict> verdicts = new ArrayList<>();
            for (int sample = 0; sample < samples; sample++) {
                verdicts.add(sample(traced, first, span, label));
            }
            Judgement judgement = new Judgement(name, verdicts);
            span.setAttribute(PASSES, judgement.passes());
            span.setAttribute(SCORE_LABEL, judgement.passed() ? VerdictParser.PASS : VerdictParser.FAIL);
            span.setAttribute(EXPLANATION, judgement.reasons());
            return judgement;
        } catch (CheckUnscorableException e) {
            span.setStatus(StatusCode.ERROR, "no verdict");
            throw e;
        } finally {
            span.end();
        }
    }

    private Verdict sample(ChatModel traced, List<ChatMessage> first, Span span, String label) {
        String reply = call(traced, first, label);
        VerdictParser.Reading reading = VerdictParser.read(reply);
        if (reading.verdict().isPresent()) {
            return reading.verdict().get();
        }
        span.addEvent(UNREADABLE_REPLY_EVENT, Attributes.of(PROBLEM, reading.problem()));
        String again = call(traced, JudgePrompt.retry(first, reply, reading.problem()), label);
        VerdictParser.Reading second = VerdictParser.read(again);
        if (second.verdict().isPresent()) {
            return second.verdict().get();
        }
        span.addEvent(UNREADABLE_REPLY_EVENT, Attributes.of(PROBLEM, second.problem()));
        throw new CheckUnscorableException(label, "judge " + name + " gave no verdict that could be read, twice,"
                + " so the answer was not graded (an unreadable verdict never counts as a pass). Its reply: "
                + raw(reply) + " (" + reading.problem() + "); asked again, it replied: " + raw(again) + " ("
                + second.problem() + "). A judge must reply with only {\"reason\": \"...\", \"verdict\": \"pass\""
                + " or \"fail\"}: use a model that follows the format, ideally one with structured output");
    }

    private String raw(String reply) {
        return reply == null ? "(no text)" : Quoted.of(redact(reply), Quoted.LONG);
    }

    private String call(ChatModel traced, List<ChatMessage> messages, String label) {
        Optional<ResponseFormat> format = format();
        try {
            return text(traced.chat(JudgePrompt.request(messages, format)));
        } catch (UnsupportedFeatureException e) {
            if (format.isEmpty()) {
                throw failed(e, label);
            }
            // JSON mode refused: the prompt alone asks for the JSON object, and the reply is still read strictly.
            jsonModeRefused.set(true);
            try {
                return text(traced.chat(JudgePrompt.request(messages, Optional.empty())));
            } catch (RuntimeException again) {
                throw failed(again, label);
            }
        } catch (RuntimeException e) {
            throw failed(e, label);
        }
    }

    private Optional<ResponseFormat> format() {
        if (jsonModeRefused.get()) {
            return Optional.empty();
        }
        Set<Capability> capabilities = model.orElseThrow().supportedCapabilities();
        return Optional.of(capabilities != null && capabilities.contains(Capability.RESPONSE_FORMAT_JSON_SCHEMA)
                ? JudgePrompt.JSON_SCHEMA : ResponseFormat.JSON);
    }

    private static String text(ChatResponse response) {
        return response == null || response.aiMessage() == null ? null : response.aiMessage().text();
    }

    private CheckUnscorableException failed(RuntimeException e, String label) {
        // A key quoted by the endpoint must not reach a report through the cause's message either.
        return new CheckUnscorableException(label, "judge " + name + " could not be asked, so the answer was not"
                + " graded: " + redact(describe(e)), secret.isPresent() ? null : e);
    }

    /** @return the exception as {@code type: message}, wrappers that only repeat their cause skipped, and its root cause */
    private static String describe(Throwable e) {
        Throwable shown = e;
        while (shown.getCause() != null && shown.getCause() != shown
                && shown.getCause().toString().equals(shown.getMessage())) {
            shown = shown.getCause();
        }
        Throwable root = shown;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = shown.toString();
        return root == shown || text.contains(root.toString()) ? text : text + " (cause: " + root + ")";
    }
}
