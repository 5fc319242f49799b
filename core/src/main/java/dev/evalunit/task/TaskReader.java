package dev.evalunit.task;

import dev.evalunit.config.Durations;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads one task, format v1, from its mapping. */
final class TaskReader {

    private static final List<String> KEYS = List.of("id", "title", "tags", "system", "prompt", "messages", "tools",
            "reference", "trials", "pass", "timeout", "expect");
    private static final List<String> MESSAGE_KEYS = List.of("role", "content");
    private static final Map<String, TaskMessage.Role> ROLES = Map.of(
            "system", TaskMessage.Role.SYSTEM, "user", TaskMessage.Role.USER, "assistant", TaskMessage.Role.ASSISTANT);
    private static final List<String> ROLE_NAMES = List.of("system", "user", "assistant");

    /** What JUnit refuses in a tag, besides whitespace and ISO control characters. */
    private static final String TAG_RESERVED = ",()&|!";

    private final YamlSource source;

    TaskReader(YamlSource source) {
        this.source = source;
    }

    Task read(MappingNode node, String defaultId) {
        YamlMapping task = YamlMapping.of(node, "", "a mapping", KEYS, source);
        String id = task.nonEmptyText("id").orElse(defaultId);
        if (id.isBlank()) {
            throw source.error(node, "the task has no id; add id: with a name unique in the suite, such as tools/oom");
        }
        // Read in the order the format lists the keys, so a file with several mistakes shows them in that order.
        Optional<String> title = task.nonEmptyText("title");
        List<String> tags = tags(task);
        List<TaskMessage> messages = messages(task);
        List<ToolFixture> tools = ToolReader.tools(task, source);
        Optional<Reference> reference = ToolReader.reference(task, tools, source);
        int trials = trials(task);
        PassPolicy pass = pass(task, trials);
        Optional<Duration> timeout = timeout(task);
        return new Task(id, title, tags, messages, tools, reference, trials, pass, timeout,
                ExpectReader.read(task, source),
                source.at(node));
    }

    private List<String> tags(YamlMapping task) {
        List<String> tags = new ArrayList<>();
        task.value("tags").ifPresent(node -> {
            List<Node> items = YamlNodes.items(node, "tags", "strings", source);
            for (int i = 0; i < items.size(); i++) {
                String tag = YamlNodes.nonEmptyText(items.get(i), "tags[" + i + "]", source);
                if (!isValidJUnitTag(tag)) {
                    throw source.error(items.get(i), "tag \"" + tag + "\" is not a valid JUnit tag: a tag has no"
                            + " whitespace, no control characters and none of , ( ) & | !; rename it, such as sre-tools");
                }
                tags.add(tag);
            }
        });
        return tags;
    }

    private static boolean isValidJUnitTag(String tag) {
        return tag.codePoints().noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c)
                || TAG_RESERVED.indexOf(c) >= 0);
    }

    private List<TaskMessage> messages(YamlMapping task) {
        Optional<Node> prompt = task.value("prompt");
        Optional<Node> messages = task.value("messages");
        if (prompt.isPresent() && messages.isPresent()) {
            Node promptKey = task.key("prompt").orElseThrow();
            Node messagesKey = task.key("messages").orElseThrow();
            Node second = promptKey.getStartMark().getIndex() > messagesKey.getStartMark().getIndex() ? promptKey : messagesKey;
            throw source.error(second, "prompt and messages are both given; keep one: prompt for a single user"
                    + " message, messages for a conversation");
        }
        if (prompt.isEmpty() && messages.isEmpty()) {
            throw source.error(task.node(), "the task has no prompt; add prompt: with the user's message, or"
                    + " messages: with a conversation");
        }
        List<TaskMessage> result = new ArrayList<>();
        task.nonEmptyText("system").ifPresent(system -> result.add(new TaskMessage(TaskMessage.Role.SYSTEM, system)));
        if (prompt.isPresent()) {
            result.add(new TaskMessage(TaskMessage.Role.USER, YamlNodes.nonEmptyText(prompt.get(), "prompt", source)));
            return result;
        }
        List<Node> items = YamlNodes.items(messages.get(), "messages", "messages with role and content", source);
        if (items.isEmpty()) {
            throw source.error(messages.get(), "messages is empty; add at least one message, such as"
                    + " - {role: user, content: The checkout pod keeps restarting.}");
        }
        for (int i = 0; i < items.size(); i++) {
            result.add(message(items.get(i), "messages[" + i + "]", task.has("system")));
        }
        return result;
    }

    private TaskMessage message(Node node, String name, boolean systemGiven) {
        YamlMapping message = YamlMapping.of(node, name, "a mapping with role and content", MESSAGE_KEYS, source);
        Node roleNode = message.required("role", name + " has no role; add role: with system, user or assistant");
        String roleName = YamlNodes.nonEmptyText(roleNode, message.name("role"), source);
        TaskMessage.Role role = ROLES.get(roleName);
        if (role == null) {
            throw source.error(roleNode, DidYouMean.unknown("role", roleName, ROLE_NAMES, "Roles"));
        }
        if (role == TaskMessage.Role.SYSTEM && systemGiven) {
            throw source.error(roleNode, "a system message is given both in system: and in messages; keep one of them");
        }
        Node content = message.required("content", name + " has no content; add content: with what is said");
        return new TaskMessage(role, YamlNodes.nonEmptyText(content, message.name("content"), source));
    }

    private int trials(YamlMapping task) {
        return task.value("trials").map(node -> {
            BigInteger trials = YamlNodes.integer(node).orElseThrow(() -> source.error(node,
                    "trials must be a whole number of at least 1, was " + YamlNodes.describe(node)));
            if (trials.signum() <= 0) {
                throw source.error(node, "trials must be at least 1, was " + trials
                        + "; write how many times to run the task, such as 3");
            }
            if (trials.bitLength() >= Integer.SIZE) {
                throw source.error(node, "trials " + trials + " is too large; write at most " + Integer.MAX_VALUE);
            }
            return trials.intValue();
        }).orElse(1);
    }

    private PassPolicy pass(YamlMapping task, int trials) {
        return task.value("pass").map(node -> {
            String range = "all, any, or a number from 1 to trials (" + trials + ")";
            Optional<BigInteger> required = YamlNodes.integer(node);
            if (required.isPresent()) {
                BigInteger n = required.get();
                if (n.signum() <= 0) {
                    throw source.error(node, "pass must be at least 1, was " + n + "; write " + range);
                }
                if (n.compareTo(BigInteger.valueOf(trials)) > 0) {
                    throw source.error(node, "pass is " + n + " but trials is " + trials + "; write " + range);
                }
                return PassPolicy.atLeast(n.intValue());
            }
            String text = YamlNodes.nonEmptyText(node, "pass", source);
            if (text.equals("all")) {
                return PassPolicy.ALL;
            }
            if (text.equals("any")) {
                return PassPolicy.ANY;
            }
            throw source.error(node, "pass \"" + text + "\" is not valid" + DidYouMean.closest(text, List.of("all", "any"))
                    .map(match -> "; did you mean \"" + match + "\"? Write ").orElse("; write ") + range);
        }).orElse(PassPolicy.ALL);
    }

    private Optional<Duration> timeout(YamlMapping task) {
        return task.value("timeout").map(node -> {
            String text = YamlNodes.nonEmptyText(node, "timeout", source);
            return Durations.parse(text).orElseThrow(() -> source.error(node,
                    "timeout \"" + text + "\" is not a duration; " + Durations.EXPECTED));
        });
    }
}
