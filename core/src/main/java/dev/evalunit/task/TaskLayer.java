package dev.evalunit.task;

import dev.evalunit.code.CodeSpec;
import dev.evalunit.check.Check;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import dev.evalunit.source.SourcePosition;

/**
 * The keys of a task as written in one mapping, before merging: a task file of one task, an item
 * of a task list, a dataset template filled from a row, the defaults at the top of a task list, or
 * a folder's {@code _defaults.yaml}. {@link TaskAssembler} merges layers into a {@link Task}.
 *
 * @param at where the mapping starts
 * @param id the {@code id:} written here
 * @param conversation {@code prompt} (as one user message) or {@code messages}, without the
 *        {@code system:} key; a system message written in {@code messages} is in it
 * @param tools the tools declared here, each at its name
 * @param reference the reference solution written here
 * @param referenceCalls where each reference tool call names its tool, in the reference's order
 * @param outputChecks the checks of {@code expect.output}
 * @param spanChecks the checks of {@code expect.spans}
 * @param expectAt where {@code expect} is, else where the mapping is: where a missing check is reported
 * @param code the task's workspace, run and {@code expect.run}, when it is a code task
 * @param cluster the {@code cluster:} written here
 */
record TaskLayer(
        SourcePosition at,
        Optional<Written<String>> id,
        Optional<String> title,
        List<String> tags,
        Optional<String> system,
        Optional<List<TaskMessage>> conversation,
        List<Written<ToolFixture>> tools,
        Optional<Reference> reference,
        List<SourcePosition> referenceCalls,
        Optional<Written<Integer>> trials,
        Optional<Written<PassPolicy>> pass,
        Optional<Duration> timeout,
        List<Check> outputChecks,
        List<Check> spanChecks,
        SourcePosition expectAt,
        Optional<CodeSpec> code,
        Optional<String> cluster) {

    TaskLayer {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        tags = List.copyOf(tags);
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(conversation, "conversation");
        tools = List.copyOf(tools);
        Objects.requireNonNull(reference, "reference");
        referenceCalls = List.copyOf(referenceCalls);
        Objects.requireNonNull(trials, "trials");
        Objects.requireNonNull(pass, "pass");
        Objects.requireNonNull(timeout, "timeout");
        outputChecks = List.copyOf(outputChecks);
        spanChecks = List.copyOf(spanChecks);
        Objects.requireNonNull(expectAt, "expectAt");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(cluster, "cluster");
    }

    /** @return the trials written in the nearest of {@code layers} that has them, else 1 */
    static int trialsOf(List<TaskLayer> layers) {
        for (int i = layers.size() - 1; i >= 0; i--) {
            if (layers.get(i).trials().isPresent()) {
                return layers.get(i).trials().get().value();
            }
        }
        return 1;
    }

    /** @return how many span checks {@code layers} hold together: where the next layer's {@code spans[i]} starts */
    static int spanChecksOf(List<TaskLayer> layers) {
        return layers.stream().mapToInt(layer -> layer.spanChecks().size()).sum();
    }
}
