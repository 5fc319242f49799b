package dev.evalunit.judge;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.exception.UnsupportedFeatureException;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.response.ChatResponse;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** What the judge asks a model for, by what the model supports. */
class JudgeResponseFormatTest {

    private static final String PASS = "{\"reason\": \"Names OOM.\", \"verdict\": \"pass\"}";

    /** A chat model that answers {@link #PASS}, recording each request; it may declare JSON schema support or refuse JSON mode. */
    private static final class RecordingModel implements ChatModel {
        final List<ChatRequest> requests = new CopyOnWriteArrayList<>();
        private final Set<Capability> capabilities;
        private final boolean refusesJsonMode;

        RecordingModel(Set<Capability> capabilities, boolean refusesJsonMode) {
            this.capabilities = capabilities;
            this.refusesJsonMode = refusesJsonMode;
        }

        @Override
        public ChatResponse doChat(ChatRequest request) {
            requests.add(request);
            if (refusesJsonMode && request.responseFormat() != null) {
                throw new UnsupportedFeatureException("JSON response format is not supported");
            }
            return ChatResponse.builder().aiMessage(AiMessage.from(PASS)).build();
        }

        @Override
        public Set<Capability> supportedCapabilities() {
            return capabilities;
        }
    }

    private static boolean judge(ChatModel model) {
        try (Trial trial = Trial.answered(JudgeCheckTest.GOOD_ANSWER, Judge.of("in-process", model))) {
            return trial.check(JudgedChecks.judge(JudgeCheckTest.RUBRIC)).passed();
        }
    }

    @Test
    void asksForTheJsonSchemaWhenTheModelSupportsStructuredOutput() {
        RecordingModel model = new RecordingModel(Set.of(Capability.RESPONSE_FORMAT_JSON_SCHEMA), false);

        assertThat(judge(model)).isTrue();
        assertThat(model.requests).singleElement()
                .satisfies(request -> assertThat(request.responseFormat()).isEqualTo(JudgePrompt.JSON_SCHEMA));
    }

    @Test
    void asksForJsonModeOtherwise() {
        RecordingModel model = new RecordingModel(Set.of(), false);

        assertThat(judge(model)).isTrue();
        assertThat(model.requests).singleElement()
                .satisfies(request -> assertThat(request.responseFormat()).isEqualTo(ResponseFormat.JSON));
    }

    @Test
    void fallsBackToThePromptAloneWhenJsonModeIsRefused() {
        RecordingModel model = new RecordingModel(Set.of(), true);
        Judge judge = Judge.of("in-process", model);

        try (Trial first = Trial.answered(JudgeCheckTest.GOOD_ANSWER, judge);
                Trial second = Trial.answered(JudgeCheckTest.GOOD_ANSWER, judge)) {
            assertThat(first.check(JudgedChecks.judge(JudgeCheckTest.RUBRIC)).passed()).isTrue();
            assertThat(second.check(JudgedChecks.judge(JudgeCheckTest.RUBRIC)).passed()).isTrue();
        }
        // Refused once, then asked without: the judge remembers and does not ask for JSON mode again.
        assertThat(model.requests).extracting(ChatRequest::responseFormat)
                .containsExactly(ResponseFormat.JSON, null, null);
    }
}
