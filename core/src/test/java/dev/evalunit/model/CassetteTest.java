package dev.evalunit.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalunit.check.OutputChecks;
import dev.evalunit.source.SourcePosition;
import dev.evalunit.task.Task;
import dev.evalunit.task.TaskMessage;
import dev.evalunit.task.ToolFixture;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CassetteTest {

    private static final ToolFixture EVENTS = new ToolFixture("get_pod_events", "Recent events of a pod.",
            Map.of("type", "object", "properties", Map.of("pod", Map.of("type", "string"))), "OOMKilled");

    @TempDir
    Path directory;

    private final AtomicInteger endpointCalls = new AtomicInteger();

    /** Looks, then answers; counts what reaches it. */
    private final ChatModel endpoint = new ChatModel() {
        @Override
        public ChatResponse chat(ChatRequest request) {
            endpointCalls.incrementAndGet();
            boolean looked = request.messages().stream().anyMatch(m -> m instanceof ToolExecutionResultMessage);
            AiMessage message = looked ? AiMessage.from("It was OOMKilled.")
                    : AiMessage.from(ToolExecutionRequest.builder().id("call_1").name("get_pod_events")
                            .arguments("{\"pod\":\"checkout\"}").build());
            return ChatResponse.builder().aiMessage(message).id("resp-" + endpointCalls.get()).modelName("gpt-test-0613")
                    .tokenUsage(new TokenUsage(100, 20))
                    .finishReason(looked ? FinishReason.STOP : FinishReason.TOOL_EXECUTION).build();
        }
    };

    @Test
    void replaysWhatWasRecordedWithoutCallingTheEndpoint() throws IOException {
        Task task = task("tools/oom", "Why does checkout restart?");
        List<ChatResponse> recorded = converse(calls(CassetteMode.RECORD), task, 1);
        assertThat(endpointCalls).hasValue(2);

        List<ChatResponse> replayed = converse(calls(CassetteMode.REPLAY), task, 1);

        assertThat(endpointCalls).hasValue(2);
        assertThat(replayed).usingRecursiveComparison().isEqualTo(recorded);
        Path file = directory.resolve("gpt-test/tools/oom/trial-1.json");
        JsonNode json = ExchangeJson.JSON.readTree(file.toFile());
        assertThat(json.path("task").asText()).isEqualTo("tools/oom");
        assertThat(json.path("trial").asInt()).isEqualTo(1);
        assertThat(json.path("calls")).hasSize(2);
        assertThat(json.path("calls").get(1).path("request").path("messages").get(3).path("text").asText())
                .isEqualTo("OOMKilled");
        assertThat(json.path("calls").get(0).path("response").path("tool-calls").get(0).path("name").asText())
                .isEqualTo("get_pod_events");
        assertThat(Files.readString(file)).doesNotContainIgnoringCase("authorization").doesNotContain("Bearer");
    }

    @Test
    void recordsEachTrialInAFileOfItsOwn() {
        Task task = task("tools/oom", "Why does checkout restart?");
        ModelCalls calls = calls(CassetteMode.RECORD);

        converse(calls, task, 1);
        converse(calls, task, 2);

        assertThat(directory.resolve("gpt-test/tools/oom/trial-1.json")).exists();
        assertThat(directory.resolve("gpt-test/tools/oom/trial-2.json")).exists();
    }

    @Test
    void aMissingRecordingNamesTaskTrialCallAndTheCommandThatRecordsIt() {
        Task task = task("tools/oom", "Why does checkout restart?");

        assertThatThrownBy(() -> converse(calls(CassetteMode.REPLAY), task, 3))
                .isInstanceOf(CassetteException.class)
                .hasMessageContaining("no recording of task tools/oom, trial 3, call 1 [gpt-test]")
                .hasMessageContaining("trial-3.json does not exist")
                .hasMessageContaining("record it against the endpoint with mvn test -Devalunit.cassette=record"
                        + " -Devalunit.cassette.dir=" + directory);
        assertThat(endpointCalls).hasValue(0);
    }

    @Test
    void aTaskChangedSinceItWasRecordedIsReportedNotReplayed() {
        converse(calls(CassetteMode.RECORD), task("tools/oom", "Why does checkout restart?"), 1);

        assertThatThrownBy(() -> converse(calls(CassetteMode.REPLAY), task("tools/oom", "Why does cart restart?"), 1))
                .isInstanceOf(CassetteException.class)
                .hasMessageContaining("task tools/oom changed since it was recorded (task tools/oom, trial 1, call 1"
                        + " [gpt-test]): its messages or tools differ")
                .hasMessageContaining("record it again with mvn test -Devalunit.cassette=record");
    }

    @Test
    void aRequestThatDiffersFromTheRecordingIsReportedWithTheMessageThatDiffers() {
        Task task = task("tools/oom", "Why does checkout restart?");
        converse(calls(CassetteMode.RECORD), task, 1);
        ChatModel replaying = calls(CassetteMode.REPLAY).trial(task, 1, ModelBinding.of("gpt-test", endpoint),
                Duration.ofMinutes(1)).wrap(endpoint);

        assertThatThrownBy(() -> replaying.chat(ChatRequest.builder()
                .messages(SystemMessage.from("You are an SRE."), UserMessage.from("Something else entirely")).build()))
                .isInstanceOf(CassetteException.class)
                .hasMessageContaining("the request of task tools/oom, trial 1, call 1 [gpt-test] differs from the one"
                        + " recorded in")
                .hasMessageContaining("message 2 (user) was {\"role\":\"user\",\"text\":\"Why does checkout restart?\"},"
                        + " is now {\"role\":\"user\",\"text\":\"Something else entirely\"}");
    }

    @Test
    void aTrialThatMadeMoreCallsThanRecordedIsReported() {
        Task task = task("qa/capital", "Capital of France?");
        ModelCalls.Trial recording = calls(CassetteMode.RECORD).trial(task, 1, ModelBinding.of("gpt-test", endpoint),
                Duration.ofMinutes(1));
        ChatRequest first = ChatRequest.builder().messages(UserMessage.from("Capital of France?")).build();
        recording.wrap(endpoint).chat(first);
        recording.finish();

        ChatModel replaying = calls(CassetteMode.REPLAY).trial(task, 1, ModelBinding.of("gpt-test", endpoint),
                Duration.ofMinutes(1)).wrap(endpoint);
        replaying.chat(first);

        assertThatThrownBy(() -> replaying.chat(first))
                .hasMessageContaining("no recording of task qa/capital, trial 1, call 2 [gpt-test]")
                .hasMessageContaining("holds 1 calls, and the trial made another");
    }

    @Test
    void namesAModelSafelyInThePath() {
        assertThat(Cassette.segment("qwen2.5:7b")).isEqualTo("qwen2.5_7b");
        assertThat(Cassette.segment("..")).isEqualTo("_..");
        assertThat(Cassette.segment("org/model")).isEqualTo("org_model");
    }

    /** Runs the tool loop's conversation by hand: ask, run the tool, ask again. */
    private List<ChatResponse> converse(ModelCalls calls, Task task, int trial) {
        ModelCalls.Trial trialCalls = calls.trial(task, trial, ModelBinding.of("gpt-test", endpoint), Duration.ofMinutes(1));
        ChatModel model = trialCalls.wrap(endpoint);
        List<ChatMessage> conversation = new ArrayList<>(List.of(SystemMessage.from("You are an SRE."),
                UserMessage.from(task.messages().get(1).content())));
        List<ChatResponse> responses = new ArrayList<>();
        ChatResponse first = model.chat(ChatRequest.builder().messages(conversation)
                .toolSpecifications(EVENTS.specification()).build());
        responses.add(first);
        conversation.add(first.aiMessage());
        conversation.add(ToolExecutionResultMessage.from(first.aiMessage().toolExecutionRequests().get(0), "OOMKilled"));
        responses.add(model.chat(ChatRequest.builder().messages(conversation).toolSpecifications(EVENTS.specification())
                .build()));
        trialCalls.finish();
        return responses;
    }

    private ModelCalls calls(CassetteMode mode) {
        return new ModelCalls(0, new Backoff(Duration.ZERO, Duration.ZERO), duration -> { }, 4,
                new Cassette(mode, directory.toString()), System::nanoTime);
    }

    private static Task task(String id, String prompt) {
        return Task.builder(id, SourcePosition.startOf(URI.create("file:///tasks/" + id + ".yaml"), id + ".yaml"))
                .messages(new TaskMessage(TaskMessage.Role.SYSTEM, "You are an SRE."),
                        new TaskMessage(TaskMessage.Role.USER, prompt))
                .tools(EVENTS)
                .checks(OutputChecks.contains("OOM"))
                .build();
    }
}
