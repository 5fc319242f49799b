package dev.evalunit.task;

import dev.evalunit.check.Check;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import dev.evalunit.source.SourcePosition;
import dev.evalunit.source.TaskFileException;
import dev.evalunit.source.DidYouMean;

/**
 * Merges the layers of one task into a {@link Task}, and checks the rules no single layer can:
 * the merge rules of folder defaults, task-list defaults and items (see docs/task-files.md).
 *
 * <ul>
 *   <li>{@code system}, {@code trials}, {@code pass}, {@code timeout}: the nearest layer that sets
 *       one wins; a system message the task writes in {@code messages} replaces a default
 *       {@code system}.</li>
 *   <li>{@code tags}: every layer's, outermost first, each once.</li>
 *   <li>{@code tools}: merged by name; a nearer layer's tool replaces an outer one of the same
 *       name in its place, new ones are added after.</li>
 *   <li>{@code expect}: every layer's checks are added, outermost first (output checks, then span
 *       checks).</li>
 *   <li>{@code id}, {@code title}, {@code prompt}/{@code messages}, {@code reference}: the task's
 *       own only (defaults cannot set them).</li>
 * </ul>
 */
final class TaskAssembler {

    private TaskAssembler() {
    }

    /**
     * @param layers outermost first; the last is the task itself
     * @param id the task's id
     * @throws TaskFileException when the merged task breaks a rule, at the value that breaks it
     */
    static Task assemble(List<TaskLayer> layers, String id) {
        return assemble(layers, id, layers.get(layers.size() - 1).at());
    }

    /**
     * @param source where the task is, when that is not where its mapping is: a dataset row
     */
    static Task assemble(List<TaskLayer> layers, String id, SourcePosition source) {
        TaskLayer task = layers.get(layers.size() - 1);
        List<TaskMessage> conversation = task.conversation().orElseThrow(() -> new TaskFileException(task.at(),
                "the task has no prompt; add prompt: with the user's message, or messages: with a conversation"));
        List<TaskMessage> messages = new ArrayList<>();
        boolean ownSystemMessage = conversation.stream().anyMatch(message -> message.role() == TaskMessage.Role.SYSTEM);
        Optional<String> system = ownSystemMessage ? Optional.empty() : nearest(layers, TaskLayer::system);
        system.ifPresent(text -> messages.add(new TaskMessage(TaskMessage.Role.SYSTEM, text)));
        messages.addAll(conversation);
        task.code().ifPresent(code -> showWorkspace(messages, code));

        Map<String, ToolFixture> tools = new LinkedHashMap<>();
        LinkedHashSet<String> tags = new LinkedHashSet<>();
        List<Check> output = new ArrayList<>();
        List<Check> spans = new ArrayList<>();
        for (TaskLayer layer : layers) {
            tags.addAll(layer.tags());
            layer.tools().forEach(tool -> tools.put(tool.value().name(), tool.value()));
            output.addAll(layer.outputChecks());
            spans.addAll(layer.spanChecks());
        }
        checkReference(task, tools);

        int trialsLayer = nearestIndex(layers, TaskLayer::trials);
        int trialCount = trialsLayer < 0 ? 1 : layers.get(trialsLayer).trials().orElseThrow().value();
        int passLayer = nearestIndex(layers, TaskLayer::pass);
        Optional<PassPolicy> pass = Optional.empty();
        if (passLayer >= 0) {
            Written<PassPolicy> written = layers.get(passLayer).pass().orElseThrow();
            if (written.value().required() > trialCount) {
                // Written in another layer, the trials need pointing at: the pass alone does not explain the error.
                String trialsAt = trialsLayer >= 0 && trialsLayer != passLayer
                        ? " (trials: at " + layers.get(trialsLayer).trials().orElseThrow().at() + ")" : "";
                throw new TaskFileException(written.at(), "pass is " + written.value() + " but trials is " + trialCount
                        + trialsAt + "; write all, any, or a number from 1 to trials (" + trialCount + ")");
            }
            if (written.value().isAdaptive() && written.value().maxTrials() < trialCount) {
                throw new TaskFileException(written.at(), "pass runs at most " + written.value().maxTrials()
                        + " trials (maxTrials) but trials is " + trialCount + "; trials is how many run before any"
                        + " is added, so make maxTrials at least " + trialCount);
            }
            pass = Optional.of(written.value());
        }
        Optional<Duration> timeout = nearest(layers, TaskLayer::timeout);

        List<Check> checks = new ArrayList<>(output);
        checks.addAll(spans);
        if (checks.isEmpty()) {
            throw new TaskFileException(task.expectAt(), "the task has no checks; add at least one check under"
                    + " expect.output or expect.spans" + (task.code().isPresent() ? " or expect.run" : "")
                    + " (a task that cannot fail proves nothing)");
        }
        Task.Builder built = Task.builder(id, source)
                .tags(List.copyOf(tags))
                .messages(messages)
                .tools(List.copyOf(tools.values()))
                .trials(trialCount)
                .pass(pass.orElse(PassPolicy.ALL))
                .checks(checks);
        task.title().ifPresent(built::title);
        task.reference().ifPresent(built::reference);
        timeout.ifPresent(built::timeout);
        task.code().ifPresent(built::code);
        nearest(layers, TaskLayer::cluster).ifPresent(built::cluster);
        return built.build();
    }

    /** The last user message of a code task shows the workspace and the answer format after the instruction. */
    private static void showWorkspace(List<TaskMessage> messages, dev.evalunit.code.CodeSpec code) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role() == TaskMessage.Role.USER) {
                messages.set(i, new TaskMessage(TaskMessage.Role.USER, code.prompt(messages.get(i).content())));
                return;
            }
        }
    }

    private static void checkReference(TaskLayer task, Map<String, ToolFixture> tools) {
        if (task.reference().isEmpty() || task.code().flatMap(code -> code.agent()).isPresent()) {
            return; // an agent task's reference calls the workspace's tools, which the engine provides
        }
        List<ToolCall> calls = task.reference().get().toolCalls();
        for (int i = 0; i < calls.size(); i++) {
            String tool = calls.get(i).name();
            if (!tools.containsKey(tool)) {
                throw new TaskFileException(task.referenceCalls().get(i), tools.isEmpty()
                        ? "unknown tool \"" + tool + "\": the task declares no tools; declare it under tools:"
                        : DidYouMean.unknown("tool", tool, tools.keySet(), "Tools of this task"));
            }
        }
    }

    private static <T> Optional<T> nearest(List<TaskLayer> layers, Function<TaskLayer, Optional<T>> key) {
        int index = nearestIndex(layers, key);
        return index < 0 ? Optional.empty() : key.apply(layers.get(index));
    }

    /** @return the index of the nearest layer that sets {@code key}, or -1 */
    private static int nearestIndex(List<TaskLayer> layers, Function<TaskLayer, ? extends Optional<?>> key) {
        for (int i = layers.size() - 1; i >= 0; i--) {
            if (key.apply(layers.get(i)).isPresent()) {
                return i;
            }
        }
        return -1;
    }
}
