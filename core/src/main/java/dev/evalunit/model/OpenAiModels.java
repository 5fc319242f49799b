package dev.evalunit.model;

import dev.evalunit.config.Constants;
import dev.evalunit.config.Settings;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/** Builds the {@code openai} model from configuration, through LangChain4j's OpenAI client. */
final class OpenAiModels {

    /** Keys sent to a local server that needs none; not a secret. */
    private static final String NO_KEY = "not-needed";

    /** No single HTTP call outlives this; the trial's deadline (evalunit.timeout or the task's) usually ends it first. */
    private static final Duration HTTP_TIMEOUT = Duration.ofHours(1);

    /** @param keyVariable the environment variable the key was (or would have been) read from */
    record Configured(String name, String endpoint, ChatModel model, Optional<String> apiKey, String keyVariable) {
    }

    private OpenAiModels() {
    }

    static Configured fromSettings(Settings settings, Function<String, String> environment) {
        String name = settings.get(Constants.MODEL_NAME_PROPERTY_NAME).orElseThrow(() -> new IllegalArgumentException(
                Constants.MODEL_PROPERTY_NAME + "=" + Constants.MODEL_OPENAI + " needs the model's name: set "
                        + Constants.MODEL_NAME_PROPERTY_NAME + ", e.g. -D" + Constants.MODEL_NAME_PROPERTY_NAME
                        + "=gpt-4o"));
        String baseUrl = settings.get(Constants.MODEL_BASE_URL_PROPERTY_NAME, Constants.MODEL_BASE_URL_DEFAULT);
        String keyVariable = settings.get(Constants.MODEL_API_KEY_ENV_PROPERTY_NAME, Constants.MODEL_API_KEY_ENV_DEFAULT);
        Optional<String> apiKey = Optional.ofNullable(environment.apply(keyVariable)).map(String::trim)
                .filter(key -> !key.isEmpty());
        // A replay never calls the endpoint: CI replays recordings without holding the key.
        boolean replay = CassetteMode.from(settings) == CassetteMode.REPLAY;
        if (apiKey.isEmpty() && baseUrl.equals(Constants.MODEL_BASE_URL_DEFAULT) && !replay) {
            throw new IllegalArgumentException("The environment variable " + keyVariable + " holds no API key for "
                    + baseUrl + "; export it, or name another variable with "
                    + Constants.MODEL_API_KEY_ENV_PROPERTY_NAME + ", or point "
                    + Constants.MODEL_BASE_URL_PROPERTY_NAME + " at a server that needs no key");
        }
        ChatModel model = OpenAiChatModel.builder()
                .baseUrl(baseUrl)
                .modelName(name)
                .apiKey(apiKey.orElse(NO_KEY))
                // The trial's deadline stops a slow call (by interrupting it); a shorter HTTP timeout
                // would cut off a task whose own timeout is longer than evalunit.timeout.
                .timeout(HTTP_TIMEOUT)
                // LangChain4j's JDK client, keeping the Retry-After of 429 and 503 answers for the retries.
                .httpClientBuilder(RetryAfterHttpClient.builder(baseUrl))
                // EvalUnit retries (RetryingChatModel, for every model alike), within the trial's deadline.
                .maxRetries(0)
                .logRequests(false)
                .logResponses(false)
                .build();
        // Its HTTP client takes each call's place among the calls in flight itself (CallPlace).
        return new Configured(name, "openai model " + name + " at " + baseUrl, new WirePlacedChatModel(model), apiKey,
                keyVariable);
    }
}
