package dev.evalunit.task;

import dev.evalunit.check.OutputChecks;
import dev.evalunit.source.SourcePosition;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaskBuilderTest {

    private static final SourcePosition SOURCE =
            SourcePosition.startOf(URI.create("file:///suite/sre/tools/oom.yaml"), "sre/tools/oom.yaml");
    private static final TaskMessage ASK = new TaskMessage(TaskMessage.Role.USER, "Why does the checkout pod restart?");
    private static final ToolFixture EVENTS = new ToolFixture("get_pod_events", "Events of a pod.",
            Map.of("type", "object"), "OOMKilled");

    @Test
    void aTaskWithOnlyItsMessageHasTheDefaultsOfAFileThatSaysNothingElse() {
        Task task = Task.builder("tools/oom", SOURCE).messages(ASK).build();

        assertThat(task.id()).isEqualTo("tools/oom");
        assertThat(task.source()).isEqualTo(SOURCE);
        assertThat(task.messages()).containsExactly(ASK);
        assertThat(task.title()).isEmpty();
        assertThat(task.tags()).isEmpty();
        assertThat(task.tools()).isEmpty();
        assertThat(task.reference()).isEmpty();
        assertThat(task.trials()).isEqualTo(1);
        assertThat(task.pass()).isEqualTo(PassPolicy.ALL);
        assertThat(task.timeout()).isEmpty();
        assertThat(task.checks()).isEmpty();
        assertThat(task.code()).isEmpty();
        assertThat(task.cluster()).isEmpty();
    }

    @Test
    void everyBuilderMethodSetsItsPart() {
        Reference reference = new Reference(List.of(new ToolCall("get_pod_events", "{}")), "OOMKilled");
        Task task = Task.builder("tools/oom", SOURCE)
                .title("Checkout restarts")
                .tags("sre", "tools")
                .messages(ASK)
                .tools(EVENTS)
                .reference(reference)
                .trials(3)
                .pass(PassPolicy.atLeast(2))
                .timeout(Duration.ofSeconds(30))
                .checks(OutputChecks.contains("OOM"))
                .cluster("checkout")
                .build();

        assertThat(task.title()).contains("Checkout restarts");
        assertThat(task.tags()).containsExactly("sre", "tools");
        assertThat(task.tools()).containsExactly(EVENTS);
        assertThat(task.tool("get_pod_events")).contains(EVENTS);
        assertThat(task.tool("restart_pod")).isEmpty();
        assertThat(task.reference()).contains(reference);
        assertThat(task.trials()).isEqualTo(3);
        assertThat(task.pass()).isEqualTo(PassPolicy.atLeast(2));
        assertThat(task.timeout()).contains(Duration.ofSeconds(30));
        assertThat(task.checks()).hasSize(1);
        assertThat(task.cluster()).contains("checkout");
    }

    @Test
    void toBuilderKeepsEveryPartAndChangesOnlyWhatIsSetAgain() {
        Task task = Task.builder("tools/oom", SOURCE).title("Checkout restarts").tags("sre").messages(ASK)
                .tools(EVENTS).trials(2).pass(PassPolicy.ANY).timeout(Duration.ofSeconds(5)).cluster("checkout")
                .build();

        Task copy = task.toBuilder().build();
        Task more = task.toBuilder().trials(4).build();

        assertThat(copy).isEqualTo(task).hasSameHashCodeAs(task);
        assertThat(copy.toString()).isEqualTo(task.toString());
        assertThat(more).isNotEqualTo(task);
        assertThat(more.trials()).isEqualTo(4);
        assertThat(more.toBuilder().trials(2).build()).isEqualTo(task);
    }

    @Test
    void equalityCoversEveryPart() {
        Task task = Task.builder("tools/oom", SOURCE).messages(ASK).build();

        assertThat(task).isEqualTo(Task.builder("tools/oom", SOURCE).messages(ASK).build());
        assertThat(task).isNotEqualTo(Task.builder("tools/oom2", SOURCE).messages(ASK).build());
        assertThat(task).isNotEqualTo(task.toBuilder().cluster("checkout").build());
        assertThat(task).isNotEqualTo(task.toBuilder().title("t").build());
        assertThat(task).isNotEqualTo(task.toBuilder().timeout(Duration.ofSeconds(1)).build());
        assertThat(task.toString()).contains("id=tools/oom", "cluster=Optional.empty");
    }

    @Test
    void theListsAreCopiedSoTheCallerCannotChangeTheTaskAfterwards() {
        List<TaskMessage> messages = new ArrayList<>(List.of(ASK));
        List<String> tags = new ArrayList<>(List.of("sre"));
        Task.Builder builder = Task.builder("tools/oom", SOURCE).messages(messages).tags(tags);
        Task task = builder.build();

        messages.add(new TaskMessage(TaskMessage.Role.ASSISTANT, "no"));
        tags.add("tools");

        assertThat(task.messages()).containsExactly(ASK);
        assertThat(task.tags()).containsExactly("sre");
        assertThat(builder.build().messages()).containsExactly(ASK);
        assertThatThrownBy(() -> task.tags().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void refusesATaskWithoutAMessage() {
        assertThatThrownBy(() -> Task.builder("tools/oom", SOURCE).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a task needs at least one message");
    }

    @Test
    void refusesFewerThanOneTrial() {
        assertThatThrownBy(() -> Task.builder("tools/oom", SOURCE).messages(ASK).trials(0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("trials must be at least 1: 0");
    }

    @Test
    void refusesNullsWithTheNameOfThePart() {
        assertThatThrownBy(() -> Task.builder(null, SOURCE)).isInstanceOf(NullPointerException.class).hasMessage("id");
        assertThatThrownBy(() -> Task.builder("tools/oom", null))
                .isInstanceOf(NullPointerException.class).hasMessage("source");
        assertThatThrownBy(() -> Task.builder("tools/oom", SOURCE).title(null))
                .isInstanceOf(NullPointerException.class).hasMessage("title");
        assertThatThrownBy(() -> Task.builder("tools/oom", SOURCE).messages((List<TaskMessage>) null))
                .isInstanceOf(NullPointerException.class).hasMessage("messages");
        assertThatThrownBy(() -> Task.builder("tools/oom", SOURCE).messages(ASK, null))
                .isInstanceOf(NullPointerException.class);
    }
}
