package dev.evalunit.code;

import dev.evalunit.check.Check;
import dev.evalunit.check.Glob;
import dev.evalunit.check.WorkspaceChecks;
import dev.evalunit.config.Durations;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Reads the keys of an agent task: {@code answer}, {@code agent} and {@code expect.workspace}
 * (see {@code docs/code-tasks.md}), with {@code path:line:column} errors.
 */
final class AgentSpecReader {

    static final String ANSWER_KEY = "answer";
    static final String AGENT_KEY = "agent";
    static final String EXPECT_KEY = "workspace";

    private static final List<String> ANSWERS = List.of("files", "agent");
    private static final List<String> AGENT_KEYS = List.of("max-tool-calls", "max-time", "max-tokens", "commands",
            "max-result-chars");
    private static final List<String> EXPECT_KEYS = List.of("changed-only", "unchanged", "contains", "not-contains",
            "max-changed-lines");
    private static final List<String> FILE_TEXT_KEYS = List.of("file", "text");

    private AgentSpecReader() {
    }

    /** @return the agent spec when the task says {@code answer: agent}; empty for whole-file answers */
    static Optional<AgentSpec> read(SpecYaml yaml, Map<String, NodeTuple> top) {
        Optional<NodeTuple> answer = Optional.ofNullable(top.get(ANSWER_KEY));
        boolean agent = answer.map(entry -> {
            String value = yaml.text(entry.getValueNode(), ANSWER_KEY);
            if (!ANSWERS.contains(value)) {
                throw yaml.error(entry.getValueNode(), "answer \"" + value + "\" is not a way to answer; write"
                        + " answer: agent (the model works in the workspace with tools) or answer: files (whole"
                        + " files in one answer, the default)");
            }
            return value.equals("agent");
        }).orElse(false);
        NodeTuple settings = top.get(AGENT_KEY);
        if (!agent) {
            if (settings != null) {
                throw yaml.error(settings.getKeyNode(), "agent: sets the budgets of a task the model works on with"
                        + " tools; add answer: agent, or remove agent:");
            }
            return Optional.empty();
        }
        if (settings == null) {
            return Optional.of(AgentSpec.defaults());
        }
        Map<String, NodeTuple> keys = yaml.mapping(settings.getValueNode(), AGENT_KEY, "a mapping with max-tool-calls,"
                + " max-time, max-tokens, commands and max-result-chars", AGENT_KEYS);
        OptionalInt maxToolCalls = SpecYaml.value(keys, "max-tool-calls")
                .map(value -> OptionalInt.of((int) positive(yaml, value, "agent.max-tool-calls", 10_000)))
                .orElse(OptionalInt.empty());
        Optional<Duration> maxTime = SpecYaml.value(keys, "max-time").map(value -> {
            String text = yaml.text(value, "agent.max-time");
            return Durations.parse(text).filter(duration -> !duration.isZero() && !duration.isNegative())
                    .orElseThrow(() -> yaml.error(value, "agent.max-time \"" + text + "\" is not a duration; "
                            + Durations.EXPECTED));
        });
        OptionalLong maxTokens = SpecYaml.value(keys, "max-tokens")
                .map(value -> OptionalLong.of(positive(yaml, value, "agent.max-tokens", 1_000_000_000L)))
                .orElse(OptionalLong.empty());
        List<String> commands = SpecYaml.value(keys, "commands").map(value -> {
            List<String> names = new ArrayList<>();
            List<Node> items = yaml.items(value, "agent.commands", "commands, such as [compile, build]");
            for (int i = 0; i < items.size(); i++) {
                String name = yaml.text(items.get(i), "agent.commands[" + i + "]");
                if (!AgentSpec.COMMANDS.contains(name)) {
                    throw yaml.error(items.get(i), "\"" + name + "\" is not a command; the commands are "
                            + String.join(", ", AgentSpec.COMMANDS));
                }
                if (!names.contains(name)) {
                    names.add(name);
                }
            }
            return names;
        }).orElse(AgentSpec.COMMANDS);
        int maxResultChars = SpecYaml.value(keys, "max-result-chars")
                .map(value -> (int) positive(yaml, value, "agent.max-result-chars", 1_000_000))
                .orElse(AgentSpec.DEFAULT_MAX_RESULT_CHARS);
        if (maxResultChars < 100) {
            throw yaml.error(SpecYaml.value(keys, "max-result-chars").get(), "agent.max-result-chars must be at"
                    + " least 100, so that an error message fits");
        }
        return Optional.of(new AgentSpec(maxToolCalls, maxTime, maxTokens, commands, maxResultChars));
    }

    /** @return the checks of {@code expect.workspace} */
    static List<Check> expect(SpecYaml yaml, Node node, boolean agent) {
        if (!agent) {
            throw yaml.error(node, "expect.workspace checks what an agent did to its workspace; add answer: agent,"
                    + " or remove expect.workspace");
        }
        Map<String, NodeTuple> expect = yaml.mapping(node, "expect.workspace", "a mapping with changed-only,"
                + " unchanged, contains, not-contains and max-changed-lines", EXPECT_KEYS);
        List<Check> checks = new ArrayList<>();
        SpecYaml.value(expect, "changed-only").ifPresent(value -> checks.add(WorkspaceChecks.changedOnly(
                globs(yaml, value, "expect.workspace.changed-only"))));
        SpecYaml.value(expect, "unchanged").ifPresent(value -> checks.add(WorkspaceChecks.unchanged(
                globs(yaml, value, "expect.workspace.unchanged"))));
        for (String kind : List.of("contains", "not-contains")) {
            SpecYaml.value(expect, kind).ifPresent(value -> {
                String name = "expect.workspace." + kind;
                List<Node> items = yaml.items(value, name, "items such as - {file: src/App.java, text: Tracer}");
                for (int i = 0; i < items.size(); i++) {
                    Map<String, NodeTuple> item = yaml.mapping(items.get(i), name + "[" + i + "]",
                            "a mapping with file and text", FILE_TEXT_KEYS);
                    Node file = SpecYaml.value(item, "file").orElseThrow(() -> yaml.error(value, name
                            + " items need file: with a workspace path"));
                    Node text = SpecYaml.value(item, "text").orElseThrow(() -> yaml.error(value, name
                            + " items need text: with the text to look for"));
                    String path = yaml.text(file, name + "[].file");
                    WorkspacePath.problem(path).ifPresent(problem -> {
                        throw yaml.error(file, "the path \"" + path + "\" " + problem);
                    });
                    String wanted = yaml.text(text, name + "[].text");
                    if (wanted.isEmpty()) {
                        throw yaml.error(text, name + " text is empty; every file contains the empty text");
                    }
                    checks.add(WorkspaceChecks.fileContains(path, wanted, kind.equals("contains")));
                }
            });
        }
        SpecYaml.value(expect, "max-changed-lines").ifPresent(value -> checks.add(WorkspaceChecks.maxChangedLines(
                (int) SpecYaml.integer(value).filter(lines -> lines >= 0 && lines <= 1_000_000)
                        .orElseThrow(() -> yaml.error(value, "expect.workspace.max-changed-lines must be a number of"
                                + " lines from 0, was " + SpecYaml.describe(value))).longValue())));
        if (checks.isEmpty()) {
            throw yaml.error(node, "expect.workspace is empty; add changed-only, unchanged, contains, not-contains"
                    + " or max-changed-lines, or remove it");
        }
        return checks;
    }

    private static List<Glob> globs(SpecYaml yaml, Node node, String name) {
        List<Glob> globs = new ArrayList<>();
        List<Node> items = yaml.items(node, name, "globs of workspace paths, such as src/*");
        for (int i = 0; i < items.size(); i++) {
            globs.add(new Glob(yaml.text(items.get(i), name + "[" + i + "]")));
        }
        if (globs.isEmpty()) {
            throw yaml.error(node, name + " is empty; give at least one glob, such as src/*");
        }
        return globs;
    }

    private static long positive(SpecYaml yaml, Node node, String name, long max) {
        long value = SpecYaml.integer(node).orElse(-1L);
        if (value < 1 || value > max) {
            throw yaml.error(node, name + " must be a whole number from 1 to " + max + ", was "
                    + SpecYaml.describe(node));
        }
        return value;
    }
}
