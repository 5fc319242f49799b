package dev.evalunit.task;

import org.apiguardian.api.API;

import dev.evalunit.check.Check;
import dev.evalunit.code.CodeSpec;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import dev.evalunit.source.SourcePosition;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

/**
 * One piece of work for the model and what a good result looks like, as read from a task file.
 *
 * <p>A value: immutable, equal to another task with equal parts. It is a class with a
 * {@linkplain #builder(String, SourcePosition) builder} rather than a record so that a new task key
 * adds a builder method and an accessor, and code that builds or reads tasks keeps compiling:
 *
 * <pre>{@code
 * Task task = Task.builder("tools/oom", SourcePosition.startOf(uri, "sre/tools/oom.yaml"))
 *         .messages(new TaskMessage(TaskMessage.Role.USER, "Why does the checkout pod restart?"))
 *         .checks(OutputChecks.contains("OOM"))
 *         .build();
 * }</pre>
 *
 * @since 0.1.0
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class Task {

    private final String id;
    private final Optional<String> title;
    private final List<String> tags;
    private final List<TaskMessage> messages;
    private final List<ToolFixture> tools;
    private final Optional<Reference> reference;
    private final int trials;
    private final PassPolicy pass;
    private final Optional<Duration> timeout;
    private final List<Check> checks;
    private final SourcePosition source;
    private final Optional<CodeSpec> code;
    private final Optional<String> cluster;

    private Task(Builder builder) {
        id = builder.id;
        title = builder.title;
        tags = List.copyOf(builder.tags);
        messages = List.copyOf(builder.messages);
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a task needs at least one message");
        }
        tools = List.copyOf(builder.tools);
        reference = builder.reference;
        if (builder.trials < 1) {
            throw new IllegalArgumentException("trials must be at least 1: " + builder.trials);
        }
        trials = builder.trials;
        pass = builder.pass;
        timeout = builder.timeout;
        checks = List.copyOf(builder.checks);
        source = builder.source;
        code = builder.code;
        cluster = builder.cluster;
    }

    /**
     * Starts a task; every other part has a default (see {@link Builder}), except the messages, which
     * {@link Builder#build()} needs at least one of.
     *
     * @param id unique within its suite, e.g. {@code tools/oom}; never {@code null}
     * @param source where the task is written; never {@code null}
     * @return a builder of a task with that id and source
     */
    public static Builder builder(String id, SourcePosition source) {
        return new Builder(id, source);
    }

    /** @return a builder holding every part of this task, to build a task that differs in some */
    public Builder toBuilder() {
        Builder builder = new Builder(id, source);
        builder.title = title;
        builder.tags = tags;
        builder.messages = messages;
        builder.tools = tools;
        builder.reference = reference;
        builder.trials = trials;
        builder.pass = pass;
        builder.timeout = timeout;
        builder.checks = checks;
        builder.code = code;
        builder.cluster = cluster;
        return builder;
    }

    /** @return unique within its suite, e.g. {@code tools/oom}; never {@code null} */
    public String id() {
        return id;
    }

    /** @return a human title; empty when the file gives none */
    public Optional<String> title() {
        return title;
    }

    /** @return JUnit tags; never {@code null} */
    public List<String> tags() {
        return tags;
    }

    /** @return the input conversation, system message first when there is one; never empty */
    public List<TaskMessage> messages() {
        return messages;
    }

    /** @return the tools offered to the model; never {@code null} */
    public List<ToolFixture> tools() {
        return tools;
    }

    /** @return the oracle's solution, when the file gives one */
    public Optional<Reference> reference() {
        return reference;
    }

    /** @return how many independent runs; at least 1 */
    public int trials() {
        return trials;
    }

    /** @return how many trials must pass; never {@code null} */
    public PassPolicy pass() {
        return pass;
    }

    /** @return the deadline of one trial, when the file sets one */
    public Optional<Duration> timeout() {
        return timeout;
    }

    /** @return every check, output checks first, in file order; never {@code null} */
    public List<Check> checks() {
        return checks;
    }

    /** @return where the task is written; never {@code null} */
    public SourcePosition source() {
        return source;
    }

    /** @return what makes it a code task (workspace, run, {@code expect.run}), when it is one */
    public Optional<CodeSpec> code() {
        return code;
    }

    /**
     * @return the {@code cluster:} key: tasks sharing it are not independent, and the statistics
     *         cluster them; empty to cluster by task file
     */
    public Optional<String> cluster() {
        return cluster;
    }

    /** @return the tool fixture named {@code name}, if the task offers it */
    public Optional<ToolFixture> tool(String name) {
        return tools.stream().filter(tool -> tool.name().equals(name)).findFirst();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Task that
                && id.equals(that.id)
                && title.equals(that.title)
                && tags.equals(that.tags)
                && messages.equals(that.messages)
                && tools.equals(that.tools)
                && reference.equals(that.reference)
                && trials == that.trials
                && pass.equals(that.pass)
                && timeout.equals(that.timeout)
                && checks.equals(that.checks)
                && source.equals(that.source)
                && code.equals(that.code)
                && cluster.equals(that.cluster);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, title, tags, messages, tools, reference, trials, pass, timeout, checks, source, code,
                cluster);
    }

    @Override
    public String toString() {
        return "Task[id=" + id + ", title=" + title + ", tags=" + tags + ", messages=" + messages
                + ", tools=" + tools + ", reference=" + reference + ", trials=" + trials + ", pass=" + pass
                + ", timeout=" + timeout + ", checks=" + checks + ", source=" + source + ", code=" + code
                + ", cluster=" + cluster + "]";
    }

    /**
     * Builds a {@link Task}. Each method sets one part and returns this builder; a part no method sets
     * keeps its default: no title, no tags, no tools, no reference, one trial, {@link PassPolicy#ALL},
     * no timeout of its own, no checks, not a code task, clustered by its file.
     *
     * @since 0.1.0
     */
    @API(status = EXPERIMENTAL, since = "0.1.0")
    public static final class Builder {

        private final String id;
        private final SourcePosition source;
        private Optional<String> title = Optional.empty();
        private List<String> tags = List.of();
        private List<TaskMessage> messages = List.of();
        private List<ToolFixture> tools = List.of();
        private Optional<Reference> reference = Optional.empty();
        private int trials = 1;
        private PassPolicy pass = PassPolicy.ALL;
        private Optional<Duration> timeout = Optional.empty();
        private List<Check> checks = List.of();
        private Optional<CodeSpec> code = Optional.empty();
        private Optional<String> cluster = Optional.empty();

        private Builder(String id, SourcePosition source) {
            this.id = Objects.requireNonNull(id, "id");
            this.source = Objects.requireNonNull(source, "source");
        }

        /**
         * Sets the human title, as the file's {@code title:} does.
         *
         * @param title never {@code null}
         * @return this builder
         */
        public Builder title(String title) {
            this.title = Optional.of(Objects.requireNonNull(title, "title"));
            return this;
        }

        /**
         * Sets the JUnit tags, replacing any set before.
         *
         * @param tags never {@code null}, no element {@code null}
         * @return this builder
         */
        public Builder tags(List<String> tags) {
            this.tags = List.copyOf(Objects.requireNonNull(tags, "tags"));
            return this;
        }

        /**
         * Sets the JUnit tags, replacing any set before.
         *
         * @param tags never {@code null}, no element {@code null}
         * @return this builder
         */
        public Builder tags(String... tags) {
            return tags(Arrays.asList(Objects.requireNonNull(tags, "tags")));
        }

        /**
         * Sets the input conversation, system message first when there is one, replacing any set before.
         * A task needs at least one message.
         *
         * @param messages never {@code null}, no element {@code null}
         * @return this builder
         */
        public Builder messages(List<TaskMessage> messages) {
            this.messages = List.copyOf(Objects.requireNonNull(messages, "messages"));
            return this;
        }

        /**
         * Sets the input conversation, system message first when there is one, replacing any set before.
         * A task needs at least one message.
         *
         * @param messages never {@code null}, no element {@code null}
         * @return this builder
         */
        public Builder messages(TaskMessage... messages) {
            return messages(Arrays.asList(Objects.requireNonNull(messages, "messages")));
        }

        /**
         * Sets the tools offered to the model, replacing any set before.
         *
         * @param tools never {@code null}, no element {@code null}
         * @return this builder
         */
        public Builder tools(List<ToolFixture> tools) {
            this.tools = List.copyOf(Objects.requireNonNull(tools, "tools"));
            return this;
        }

        /**
         * Sets the tools offered to the model, replacing any set before.
         *
         * @param tools never {@code null}, no element {@code null}
         * @return this builder
         */
        public Builder tools(ToolFixture... tools) {
            return tools(Arrays.asList(Objects.requireNonNull(tools, "tools")));
        }

        /**
         * Sets the oracle's solution, as the file's {@code reference:} does.
         *
         * @param reference never {@code null}
         * @return this builder
         */
        public Builder reference(Reference reference) {
            this.reference = Optional.of(Objects.requireNonNull(reference, "reference"));
            return this;
        }

        /**
         * Sets how many independent runs the task gets; {@link #build()} refuses fewer than 1.
         *
         * @param trials at least 1
         * @return this builder
         */
        public Builder trials(int trials) {
            this.trials = trials;
            return this;
        }

        /**
         * Sets how many trials must pass.
         *
         * @param pass never {@code null}
         * @return this builder
         */
        public Builder pass(PassPolicy pass) {
            this.pass = Objects.requireNonNull(pass, "pass");
            return this;
        }

        /**
         * Sets the deadline of one trial, as the file's {@code timeout:} does; without it the run's
         * {@code evalunit.timeout} applies.
         *
         * @param timeout never {@code null}
         * @return this builder
         */
        public Builder timeout(Duration timeout) {
            this.timeout = Optional.of(Objects.requireNonNull(timeout, "timeout"));
            return this;
        }

        /**
         * Sets every check, output checks first, replacing any set before.
         *
         * @param checks never {@code null}, no element {@code null}
         * @return this builder
         */
        public Builder checks(List<Check> checks) {
            this.checks = List.copyOf(Objects.requireNonNull(checks, "checks"));
            return this;
        }

        /**
         * Sets every check, output checks first, replacing any set before.
         *
         * @param checks never {@code null}, no element {@code null}
         * @return this builder
         */
        public Builder checks(Check... checks) {
            return checks(Arrays.asList(Objects.requireNonNull(checks, "checks")));
        }

        /**
         * Makes the task a code task with this workspace, run and {@code expect.run}, as the task
         * reader does; {@link CodeSpec} is internal, so this is for EvalUnit's own readers and tests.
         *
         * @param code never {@code null}
         * @return this builder
         */
        public Builder code(CodeSpec code) {
            this.code = Optional.of(Objects.requireNonNull(code, "code"));
            return this;
        }

        /**
         * Sets the {@code cluster:} key: tasks sharing it are not independent, and the statistics
         * cluster them; without it they are clustered by task file.
         *
         * @param cluster never {@code null}
         * @return this builder
         */
        public Builder cluster(String cluster) {
            this.cluster = Optional.of(Objects.requireNonNull(cluster, "cluster"));
            return this;
        }

        /**
         * @return the task
         * @throws IllegalArgumentException when no message is set, or trials is less than 1
         */
        public Task build() {
            return new Task(this);
        }
    }
}
