package dev.evalunit.task;

import dev.evalunit.check.Check;
import dev.evalunit.code.CodeSpec;
import dev.evalunit.code.CodeSpecReader;
import dev.evalunit.config.Durations;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.evalunit.source.YamlLimits;
import dev.evalunit.source.YamlSource;
import dev.evalunit.source.YamlNodes;
import dev.evalunit.source.YamlMapping;
import dev.evalunit.source.DidYouMean;

/**
 * Reads the keys of one mapping of a task file, format v1, into a {@link TaskLayer}: a whole task,
 * an item of a task list, a filled dataset template, or defaults. Each value is checked on its own
 * here; the rules that span layers (a prompt is given, a check exists, pass fits the trials, the
 * reference calls declared tools) are {@link TaskAssembler}'s.
 */
final class TaskReader {

    /** The keys of a task: a file of one task, an item of a task list. */
    static final List<String> TASK_KEYS = List.of("id", "title", "tags", "system", "prompt", "messages", "tools",
            "reference", "workspace", "run", "answer", "agent", "trials", "pass", "timeout", "expect", "cluster");
    /** The keys of a dataset template: a task whose id comes from the row. */
    static final List<String> TEMPLATE_KEYS = List.of("title", "tags", "system", "prompt", "messages", "tools",
            "reference", "trials", "pass", "timeout", "expect", "cluster");
    /** The keys defaults may set, at the top of a task list or in a folder's {@code _defaults.yaml}. */
    static final List<String> DEFAULT_KEYS = List.of("tags", "system", "tools", "trials", "pass", "timeout", "expect",
            "cluster");

    private static final List<String> MESSAGE_KEYS = List.of("role", "content");
    private static final Map<String, TaskMessage.Role> ROLES = Map.of(
            "system", TaskMessage.Role.SYSTEM, "user", TaskMessage.Role.USER, "assistant", TaskMessage.Role.ASSISTANT);
    private static final List<String> ROLE_NAMES = List.of("system", "user", "assistant");

    /** What JUnit refuses in a tag, besides whitespace and ISO control characters. */
    private static final String TAG_RESERVED = ",()&|!";

    private final YamlSource source;
    private final ReadCache cache;

    TaskReader(YamlSource source) {
        this(source, ReadCache.NONE);
    }

    TaskReader(YamlSource source, ReadCache cache) {
        this.source = source;
        this.cache = cache;
    }

    /**
     * @param allowed the keys the mapping may hold; keys this reader does not know (such as
     *        {@code tasks}) are left to the caller
     * @param outer the layers this one is merged over, outermost first: they give the trials a
     *        pass is measured against and where this layer's {@code spans[i]} count from
     */
    TaskLayer read(Node node, String name, List<String> allowed, List<TaskLayer> outer) {
        YamlMapping task = YamlMapping.of(node, name, "a mapping", allowed, source);
        // Read in the order the format lists the keys, so a file with several mistakes shows them in that order.
        Optional<Written<String>> id = task.value("id")
                .map(value -> new Written<>(YamlNodes.nonEmptyText(value, task.name("id"), source), source.at(value)));
        Optional<String> title = task.nonEmptyText("title");
        List<String> tags = task.value("tags").map(value -> cache.get(value, () -> tags(value, task.name("tags"))))
                .orElse(List.of());
        checkPromptOrMessages(task);
        Optional<String> system = task.nonEmptyText("system");
        Optional<List<TaskMessage>> conversation = conversation(task);
        List<Written<ToolFixture>> tools = ToolReader.tools(task, source, cache);
        // A code task (workspace:) reads its own reference (a folder of files) and expect.run.
        Optional<CodeSpec> code = node instanceof MappingNode
                ? CodeSpecReader.read((MappingNode) node, source.start().uri(), source.start().path())
                : Optional.empty();
        Optional<ToolReader.ReferenceRead> reference = code.isPresent()
                ? Optional.empty() : ToolReader.reference(task, source, cache);
        Optional<Reference> referenceSolution = code.isPresent()
                ? Reference.of(code.get())
                : reference.map(ToolReader.ReferenceRead::reference);
        Optional<Written<Integer>> trials = task.value("trials")
                .map(value -> new Written<>(trials(value, task.name("trials")), source.at(value)));
        int effectiveTrials = trials.map(Written::value).orElseGet(() -> TaskLayer.trialsOf(outer));
        Optional<Written<PassPolicy>> pass = task.value("pass")
                .map(value -> new Written<>(pass(value, task.name("pass"), effectiveTrials), source.at(value)));
        Optional<Duration> timeout = task.value("timeout").map(value -> timeout(value, task.name("timeout")));
        Optional<String> cluster = task.nonEmptyText("cluster");
        ExpectReader.Expectations expect = ExpectReader.read(task, source, cache, TaskLayer.spanChecksOf(outer));
        List<Check> outputChecks = new ArrayList<>(expect.output());
        code.ifPresent(spec -> outputChecks.addAll(spec.checks()));
        return new TaskLayer(source.at(node), id, title, tags, system, conversation, tools,
                referenceSolution, reference.map(ToolReader.ReferenceRead::calls)
                .orElse(List.of()), trials, pass, timeout, outputChecks, expect.spans(), expect.at(), code, cluster);
    }

    private List<String> tags(Node node, String name) {
        List<String> tags = new ArrayList<>();
        List<Node> items = YamlNodes.items(node, name, "strings", source);
        for (int i = 0; i < items.size(); i++) {
            String tag = YamlNodes.nonEmptyText(items.get(i), name + "[" + i + "]", source);
            if (!isValidJUnitTag(tag)) {
                throw source.error(items.get(i), "tag \"" + tag + "\" is not a valid JUnit tag: a tag has no"
                        + " whitespace, no control characters and none of , ( ) & | !; rename it, such as sre-tools");
            }
            tags.add(tag);
        }
        return List.copyOf(tags);
    }

    private static boolean isValidJUnitTag(String tag) {
        return tag.codePoints().noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c)
                || TAG_RESERVED.indexOf(c) >= 0);
    }

    private void checkPromptOrMessages(YamlMapping task) {
        if (task.has("prompt") && task.has("messages")) {
            Node promptKey = task.key("prompt").orElseThrow();
            Node messagesKey = task.key("messages").orElseThrow();
            Node second = promptKey.getStartMark().getIndex() > messagesKey.getStartMark().getIndex() ? promptKey : messagesKey;
            throw source.error(second, "prompt and messages are both given; keep one: prompt for a single user"
                    + " message, messages for a conversation");
        }
    }

    private Optional<List<TaskMessage>> conversation(YamlMapping task) {
        Optional<Node> prompt = task.value("prompt");
        if (prompt.isPresent()) {
            return Optional.of(List.of(new TaskMessage(TaskMessage.Role.USER,
                    YamlNodes.nonEmptyText(prompt.get(), task.name("prompt"), source))));
        }
        boolean systemGiven = task.has("system");
        return task.value("messages").map(messages -> cache.get(messages, () -> {
            List<Node> items = YamlNodes.items(messages, task.name("messages"), "messages with role and content", source);
            if (items.isEmpty()) {
                throw source.error(messages, "messages is empty; add at least one message, such as"
                        + " - {role: user, content: The checkout pod keeps restarting.}");
            }
            List<TaskMessage> result = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                result.add(message(items.get(i), task.name("messages") + "[" + i + "]", systemGiven));
            }
            return List.copyOf(result);
        }));
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

    private int trials(Node node, String name) {
        BigInteger trials = YamlNodes.integer(node).orElseThrow(() -> source.error(node,
                name + " must be a whole number of at least 1, was " + YamlNodes.describe(node)));
        if (trials.signum() <= 0) {
            throw source.error(node, name + " must be at least 1, was " + trials
                    + "; write how many times to run the task, such as 3");
        }
        if (trials.compareTo(BigInteger.valueOf(YamlLimits.MAX_TRIALS)) > 0) {
            throw source.error(node, name + " " + trials + " is too large; write at most " + YamlLimits.MAX_TRIALS
                    + " (each trial is a model call; a pass rate needs far fewer)");
        }
        return trials.intValue();
    }

    /** Whether a number fits the trials is checked once the layers are merged; see {@link TaskAssembler}. */
    private PassPolicy pass(Node node, String name, int trials) {
        String range = "all, any, a number from 1 to trials (" + trials + "), or {rate: 0.8, maxTrials: 10}";
        if (node instanceof MappingNode) {
            return adaptivePass(node, name);
        }
        Optional<BigInteger> required = YamlNodes.integer(node);
        if (required.isPresent()) {
            BigInteger n = required.get();
            if (n.signum() <= 0) {
                throw source.error(node, name + " must be at least 1, was " + n + "; write " + range);
            }
            if (n.bitLength() >= Integer.SIZE) {
                throw source.error(node, name + " is " + n + " but trials is " + trials + "; write " + range);
            }
            return PassPolicy.atLeast(n.intValue());
        }
        String text = YamlNodes.nonEmptyText(node, name, source);
        if (text.equals("all")) {
            return PassPolicy.ALL;
        }
        if (text.equals("any")) {
            return PassPolicy.ANY;
        }
        throw source.error(node, name + " \"" + text + "\" is not valid" + DidYouMean.closest(text, List.of("all", "any"))
                .map(match -> "; did you mean \"" + match + "\"? Write ").orElse("; write ") + range);
    }

    /** {@code pass: {rate: 0.8, maxTrials: 10}}: pass at 80% of the trials, adding trials while undecided. */
    private PassPolicy adaptivePass(Node node, String name) {
        YamlMapping policy = YamlMapping.of(node, name, "a mapping with rate and maxTrials", List.of("rate", "maxTrials"),
                source);
        Node rateNode = policy.required("rate", name + " needs a rate, the share of trials that must pass, such as"
                + " rate: 0.8");
        double rate = YamlNodes.decimal(rateNode).or(() -> YamlNodes.integer(rateNode).map(n -> n.doubleValue()))
                .filter(value -> value > 0 && value <= 1)
                .orElseThrow(() -> source.error(rateNode, policy.name("rate") + " must be a number above 0 and at most 1,"
                        + " was " + shown(rateNode) + "; write the share of trials that must pass, such as 0.8"));
        Node maxNode = policy.required("maxTrials", name + " needs maxTrials, the most trials to run while the"
                + " verdict is undecided, such as maxTrials: 10");
        int maxTrials = YamlNodes.integer(maxNode).filter(n -> n.signum() > 0 && n.bitLength() < 16)
                .map(n -> n.intValue())
                .orElseThrow(() -> source.error(maxNode, policy.name("maxTrials") + " must be a whole number from 1 to"
                        + " 32767, was " + shown(maxNode)));
        return PassPolicy.adaptive(rate, maxTrials);
    }

    /** @return a scalar as written, anything else by its kind */
    private static String shown(Node node) {
        return node instanceof ScalarNode scalar ? scalar.getValue() : YamlNodes.describe(node);
    }

    private Duration timeout(Node node, String name) {
        String text = YamlNodes.nonEmptyText(node, name, source);
        return Durations.parse(text).orElseThrow(() -> source.error(node,
                name + " \"" + text + "\" is not a duration; " + Durations.EXPECTED));
    }
}
