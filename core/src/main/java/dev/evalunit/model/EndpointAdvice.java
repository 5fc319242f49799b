package dev.evalunit.model;

import dev.evalunit.config.Constants;

import java.util.Objects;
import java.util.Optional;

/**
 * What a user should fix when an endpoint refuses a call for good (400, 401, 403, 404), worded
 * for how the model was wired: the {@code openai} model names its configuration keys and the
 * variable its key came from; a {@code @ModelUnderTest} model points at its builder.
 *
 * @param keyVariable the environment variable the API key was read from, when EvalUnit read it
 * @param modelSettings where the model's name and address are set
 */
record EndpointAdvice(Optional<String> keyVariable, String modelSettings) {

    EndpointAdvice {
        Objects.requireNonNull(keyVariable, "keyVariable");
        Objects.requireNonNull(modelSettings, "modelSettings");
    }

    /** For models built in code, whose key and address EvalUnit never sees. */
    static final EndpointAdvice BUILT_IN_CODE = new EndpointAdvice(Optional.empty(),
            "the model name and base URL the model under test is built with");

    static EndpointAdvice forConfiguredModel(String keyVariable) {
        return new EndpointAdvice(Optional.of(keyVariable), Constants.MODEL_NAME_PROPERTY_NAME + " and "
                + Constants.MODEL_BASE_URL_PROPERTY_NAME + " (an OpenAI-compatible base URL usually ends in /v1)");
    }

    /** @return what the endpoint answered, and what to do about it */
    String explain(EndpointFault fault) {
        String answered = "(it answered " + fault.answer() + "); not retried: ";
        int status = fault.status().orElse(0);
        if (status == 401) {
            return keyVariable.map(variable -> "the endpoint refused the API key read from " + variable + " "
                    + answered + "export a valid key in " + variable + ", or name the variable that holds one with "
                    + Constants.MODEL_API_KEY_ENV_PROPERTY_NAME)
                    .orElse("the endpoint refused the model's credentials " + answered
                            + "check the API key the model under test is built with");
        }
        if (status == 403) {
            return "the endpoint refused access " + answered
                    + keyVariable.map(variable -> "the key read from " + variable).orElse("the model's key")
                    + " may lack access to this model, or the endpoint may not serve this address";
        }
        if (status == 404) {
            return "the endpoint has no such model or path " + answered + "check " + modelSettings;
        }
        if (status >= 400 && status < 500) {
            return "the endpoint rejected the request " + answered + "check that the model accepts what the task"
                    + " sends (its messages and tools), and " + modelSettings;
        }
        if (fault.answer().contains("does not resolve")) {
            return "the endpoint's host name does not resolve; not retried: check " + modelSettings;
        }
        return "the endpoint answered " + fault.answer() + "; not retried: asking again would get the same answer";
    }
}
