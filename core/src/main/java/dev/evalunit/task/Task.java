package dev.evalunit.task;

import org.apiguardian.api.API;

import dev.evalunit.check.Check;
import dev.evalunit.code.CodeSpec;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import dev.evalunit.source.SourcePosition;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

/**
 * One piece of work for the model and what a good result looks like, as read from a task file.
 *
 * @param id unique within its suite, e.g. {@code tools/oom}; never {@code null}
 * @param title a human title; empty when the file gives none
 * @param tags JUnit tags; never {@code null}
 * @param messages the input conversation, system message first when there is one; never empty
 * @param tools the tools offered to the model; never {@code null}
 * @param reference the oracle's solution, when the file gives one
 * @param trials how many independent runs; at least 1
 * @param pass how many trials must pass; never {@code null}
 * @param timeout the deadline of one trial, when the file sets one
 * @param checks every check, output checks first, in file order; never {@code null}
 * @param source where the task is written; never {@code null}
 * @param code what makes it a code task (workspace, run, {@code expect.run}), when it is one
 * @param cluster the {@code cluster:} key: tasks sharing it are not independent, and the statistics
 *        cluster them; empty to cluster by task file
 * @since 0.1.0
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record Task(
        String id,
        Optional<String> title,
        List<String> tags,
        List<TaskMessage> messages,
        List<ToolFixture> tools,
        Optional<Reference> reference,
        int trials,
        PassPolicy pass,
        Optional<Duration> timeout,
        List<Check> checks,
        SourcePosition source,
        Optional<CodeSpec> code,
        Optional<String> cluster) {

    public Task {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        tags = List.copyOf(Objects.requireNonNull(tags, "tags"));
        messages = List.copyOf(Objects.requireNonNull(messages, "messages"));
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a task needs at least one message");
        }
        tools = List.copyOf(Objects.requireNonNull(tools, "tools"));
        Objects.requireNonNull(reference, "reference");
        if (trials < 1) {
            throw new IllegalArgumentException("trials must be at least 1: " + trials);
        }
        Objects.requireNonNull(pass, "pass");
        Objects.requireNonNull(timeout, "timeout");
        checks = List.copyOf(Objects.requireNonNull(checks, "checks"));
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(cluster, "cluster");
    }

    /** A task clustered by its file. */
    public Task(String id, Optional<String> title, List<String> tags, List<TaskMessage> messages,
            List<ToolFixture> tools, Optional<Reference> reference, int trials, PassPolicy pass,
            Optional<Duration> timeout, List<Check> checks, SourcePosition source, Optional<CodeSpec> code) {
        this(id, title, tags, messages, tools, reference, trials, pass, timeout, checks, source, code, Optional.empty());
    }

    /** A task that is not a code task. */
    public Task(String id, Optional<String> title, List<String> tags, List<TaskMessage> messages,
            List<ToolFixture> tools, Optional<Reference> reference, int trials, PassPolicy pass,
            Optional<Duration> timeout, List<Check> checks, SourcePosition source) {
        this(id, title, tags, messages, tools, reference, trials, pass, timeout, checks, source, Optional.empty());
    }

    /** @return the tool fixture named {@code name}, if the task offers it */
    public Optional<ToolFixture> tool(String name) {
        return tools.stream().filter(tool -> tool.name().equals(name)).findFirst();
    }
}
