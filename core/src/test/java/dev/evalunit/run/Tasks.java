package dev.evalunit.run;

import dev.evalunit.check.Check;
import dev.evalunit.task.PassPolicy;
import dev.evalunit.task.Reference;
import dev.evalunit.source.SourcePosition;
import dev.evalunit.task.Task;
import dev.evalunit.task.TaskMessage;
import dev.evalunit.task.ToolCall;
import dev.evalunit.task.ToolFixture;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Small tasks built in code, for runner tests. */
final class Tasks {

    static final ToolFixture GET_POD_EVENTS = new ToolFixture("get_pod_events", "Recent events of a pod.",
            Map.of("type", "object", "properties", Map.of("pod", Map.of("type", "string"))),
            "Warning OOMKilled: container exceeded its 512Mi limit");

    private Tasks() {
    }

    static Task task(String id, List<Check> checks) {
        return task(id, checks, Optional.empty(), 1, PassPolicy.ALL, Optional.empty());
    }

    static Task task(String id, List<Check> checks, Optional<Reference> reference, int trials, PassPolicy pass,
            Optional<Duration> timeout) {
        Task.Builder task = Task.builder(id, SourcePosition.startOf(URI.create("file:///tasks/" + id + ".yaml"), id + ".yaml"))
                .tags("test")
                .messages(new TaskMessage(TaskMessage.Role.SYSTEM, "You are an on-call SRE."),
                        new TaskMessage(TaskMessage.Role.USER, "Why does the checkout pod restart?"))
                .tools(GET_POD_EVENTS)
                .trials(trials)
                .pass(pass)
                .checks(checks);
        reference.ifPresent(task::reference);
        timeout.ifPresent(task::timeout);
        return task.build();
    }

    static Reference lookThenAnswer() {
        return new Reference(List.of(new ToolCall("get_pod_events", "{\"pod\":\"checkout\"}")),
                "The pod was OOMKilled; raise its memory limit.");
    }
}
