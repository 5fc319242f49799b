package dev.evalunit.model;

import dev.evalunit.config.Constants;
import dev.evalunit.config.Settings;
import dev.evalunit.source.SourcePosition;
import dev.evalunit.task.Task;
import dev.evalunit.task.TaskMessage;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a binding tells the engine: whether a task's only outside work is calls through the call
 * limit (so the engine may keep it waiting ahead of the calls in flight), and whether it holds a key
 * to take out of what it records.
 */
class ModelBindingTest {

    private static final Task PLAIN = Task.builder("plain", SourcePosition.startOf(URI.create("file:///t/plain.yaml"),
            "plain.yaml")).messages(new TaskMessage(TaskMessage.Role.USER, "Say ok.")).build();

    private static final ChatModel OK = new ChatModel() {
        @Override
        public ChatResponse chat(ChatRequest request) {
            return ChatResponse.builder().aiMessage(AiMessage.from("ok")).build();
        }
    };

    @Test
    void aChatModelsTaskIsCallsOnlyAndHasNoKeyToTakeOut() {
        ModelBinding binding = ModelBinding.of("fake", OK);

        assertThat(binding.callsOnly(PLAIN)).isTrue();
        assertThat(binding.redacts()).isFalse();
        assertThat(binding.redact("sk-anything")).isEqualTo("sk-anything");
    }

    @Test
    void theUsersOwnAgentAndTheBuiltInModelsAreNotCallsOnly() {
        assertThat(ModelBinding.of("mine", (Agent) context -> "ok").callsOnly(PLAIN)).isFalse();
        assertThat(ModelBinding.oracle().callsOnly(PLAIN)).isFalse();
        assertThat(ModelBinding.nop().callsOnly(PLAIN)).isFalse();
    }

    @Test
    void aConfiguredEndpointIsCallsOnlyAndTakesItsKeyOut() {
        Map<String, String> keys = Map.of(
                Constants.MODEL_PROPERTY_NAME, Constants.MODEL_OPENAI,
                Constants.MODEL_NAME_PROPERTY_NAME, "some-model",
                Constants.MODEL_BASE_URL_PROPERTY_NAME, "http://127.0.0.1:9/v1");
        Settings settings = Settings.from(key -> Optional.ofNullable(keys.get(key)));

        ModelBinding withKey = ModelBinding.fromSettings(settings, variable -> "sk-test-123").orElseThrow();
        ModelBinding without = ModelBinding.fromSettings(settings, variable -> null).orElseThrow();

        assertThat(withKey.callsOnly(PLAIN)).isTrue();
        assertThat(withKey.redacts()).isTrue();
        assertThat(withKey.redact("key sk-test-123 leaked")).isEqualTo("key *** leaked");
        assertThat(without.redacts()).isFalse();
    }
}
