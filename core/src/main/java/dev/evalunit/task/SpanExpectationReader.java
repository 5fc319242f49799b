package dev.evalunit.task;

import dev.evalunit.check.AttributeCondition;
import dev.evalunit.check.Check;
import dev.evalunit.check.Comparison;
import dev.evalunit.check.SpanCondition;
import dev.evalunit.check.SpanExpectation;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import dev.evalunit.source.TaskFileException;
import dev.evalunit.source.YamlSource;
import dev.evalunit.source.YamlNodes;
import dev.evalunit.source.YamlMapping;
import dev.evalunit.source.DidYouMean;

/**
 * Reads one item of {@code expect.spans} into a {@link SpanExpectation}. Adding a part of a span
 * expectation is one entry in {@link #PARTS}; adding an attribute condition is one entry in
 * {@link #CONDITIONS}.
 */
final class SpanExpectationReader {

    /** Reads the value of one key of a span expectation into the builder. */
    @FunctionalInterface
    interface Part {
        void read(SpanExpectation.Builder span, Node value, String name, YamlSource source);
    }

    /** Reads the value of a condition written as a one-key mapping, such as {@code {matches: ".*checkout.*"}}. */
    @FunctionalInterface
    interface ConditionKind {
        AttributeCondition read(Node value, String name, YamlSource source);
    }

    /** Every key of a span expectation but {@code name}, in the order error messages list them. */
    static final Map<String, Part> PARTS = parts();

    /** Every condition written as a mapping, in the order error messages list them. */
    static final Map<String, ConditionKind> CONDITIONS = conditions();

    private static final List<String> KEYS = keys();

    /** The parts that say what a span is, not how many or in which order: a nested condition's keys. */
    static final List<String> CONDITION_PARTS = List.of("attributes", "status", "status-description", "parent",
            "ancestor", "kind", "resource", "scope", "events", "links", "encloses");

    private static final List<String> CONDITION_KEYS = conditionKeys();
    private static final List<String> LINK_KEYS = List.of("count", "distinct", "to");
    private static final List<String> AFTER_KEYS = List.of("name", "within");
    private static final Map<String, SpanExpectation.Within> WITHIN = Map.of("any", SpanExpectation.Within.ANY,
            "trace", SpanExpectation.Within.TRACE, "parent", SpanExpectation.Within.PARENT);

    private static final Map<String, StatusCode> STATUSES =
            Map.of("OK", StatusCode.OK, "ERROR", StatusCode.ERROR, "UNSET", StatusCode.UNSET);
    private static final List<String> STATUS_NAMES = List.of("OK", "ERROR", "UNSET");
    private static final List<String> KIND_NAMES = List.of("SERVER", "CLIENT", "PRODUCER", "CONSUMER", "INTERNAL");
    private static final List<String> EVENT_KEYS = List.of("name", "attributes");

    /** Text that starts like a comparison is meant as one, so a typo in it must not silently become equality. */
    private static final Pattern STARTS_WITH_OPERATOR = Pattern.compile("^\\s*(<|>|==|!=)");

    private SpanExpectationReader() {
    }

    /**
     * @param index the item's position in {@code expect.spans}
     * @param name the item's path, such as {@code expect.spans[0]}
     */
    static Check read(Node node, int index, String name, YamlSource source) {
        if (node instanceof MappingNode mapping && mapping.getValue().stream()
                .anyMatch(entry -> TraceExpectationReader.QUANTIFIERS.containsKey(YamlNodes.keyText(entry)))) {
            return TraceExpectationReader.read(mapping, index, name, source);
        }
        YamlMapping span = YamlMapping.of(node, name, "a mapping with the span name and what its spans must satisfy",
                KEYS, source);
        String glob = span.nonEmptyText("name").orElseThrow(() -> source.error(span.node(),
                name + " has no name; add name: with a span name or a glob, such as \"execute_tool get_*\""));
        SpanExpectation.Builder builder = SpanExpectation.named(glob).index(index);
        for (NodeTuple entry : span.node().getValue()) {
            String key = YamlNodes.keyText(entry);
            if (!key.equals("name")) {
                PARTS.get(key).read(builder, entry.getValueNode(), span.name(key), source);
            }
        }
        return builder.build();
    }

    /**
     * Reads a span condition: a name (a glob, default {@code *}) and any of {@link #CONDITION_PARTS},
     * or a plain glob. {@code extra} keys are allowed and left to the caller.
     */
    static SpanCondition condition(Node node, String name, List<String> extra, YamlSource source) {
        if (node instanceof ScalarNode) {
            return SpanCondition.named(YamlNodes.nonEmptyText(node, name, source));
        }
        List<String> allowed = new ArrayList<>(CONDITION_KEYS);
        allowed.addAll(extra);
        YamlMapping span = YamlMapping.of(node, name, "a span name (a glob), or a mapping with name and what the span"
                + " must be, such as {name: order, kind: SERVER}", allowed, source);
        SpanExpectation.Builder builder = SpanExpectation.named(span.nonEmptyText("name").orElse("*"));
        for (NodeTuple entry : span.node().getValue()) {
            String key = YamlNodes.keyText(entry);
            if (CONDITION_PARTS.contains(key)) {
                PARTS.get(key).read(builder, entry.getValueNode(), span.name(key), source);
            }
        }
        return builder.condition();
    }

    private static List<String> conditionKeys() {
        List<String> keys = new ArrayList<>();
        keys.add("name");
        keys.addAll(CONDITION_PARTS);
        return List.copyOf(keys);
    }

    private static Map<String, Part> parts() {
        Map<String, Part> parts = new LinkedHashMap<>();
        parts.put("attributes", SpanExpectationReader::attributes);
        parts.put("count", (span, value, name, source) -> span.count(count(value, name, source)));
        parts.put("status", (span, value, name, source) -> span.status(status(value, name, source)));
        parts.put("status-description", (span, value, name, source) -> span.statusDescription(
                condition(value, name, source)));
        parts.put("parent", (span, value, name, source) -> span.parent(condition(value, name, List.of(), source)));
        parts.put("ancestor", (span, value, name, source) -> span.ancestor(condition(value, name, List.of(), source)));
        parts.put("encloses", SpanExpectationReader::encloses);
        parts.put("after", SpanExpectationReader::after);
        parts.put("sum", SpanExpectationReader::sum);
        parts.put("kind", (span, value, name, source) -> span.kind(kind(value, name, source)));
        parts.put("resource", SpanExpectationReader::resource);
        parts.put("scope", (span, value, name, source) -> span.scope(YamlNodes.nonEmptyText(value, name, source)));
        parts.put("events", SpanExpectationReader::events);
        parts.put("links", SpanExpectationReader::links);
        return Collections.unmodifiableMap(parts);
    }

    private static Map<String, ConditionKind> conditions() {
        Map<String, ConditionKind> conditions = new LinkedHashMap<>();
        conditions.put("matches", (value, name, source) -> AttributeCondition.matches(CheckValues.pattern(value, name, source)));
        conditions.put("contains", (value, name, source) -> AttributeCondition.contains(YamlNodes.nonEmptyText(value, name, source)));
        conditions.put("loose", SpanExpectationReader::loose);
        conditions.put("exists", (value, name, source) -> AttributeCondition.exists(YamlNodes.bool(value).orElseThrow(
                () -> source.error(value, name + " must be true or false, was " + YamlNodes.describe(value)))));
        return Collections.unmodifiableMap(conditions);
    }

    private static List<String> keys() {
        List<String> keys = new ArrayList<>();
        keys.add("name");
        keys.addAll(PARTS.keySet());
        return List.copyOf(keys);
    }

    private static void attributes(SpanExpectation.Builder span, Node node, String name, YamlSource source) {
        for (NodeTuple entry : YamlNodes.entries(node, name, "attribute names to conditions", source)) {
            String key = YamlNodes.keyText(entry);
            span.attribute(key, condition(entry.getValueNode(), name + "." + key, source));
        }
    }

    /** Reads an attribute condition as {@code attributes:} of a span expectation does: typed, or one of {@link #CONDITIONS}. */
    static AttributeCondition attributeCondition(Node node, String name, YamlSource source) {
        return condition(node, name, source);
    }

    private static AttributeCondition condition(Node node, String name, YamlSource source) {
        if (node instanceof MappingNode) {
            List<NodeTuple> entries = ((MappingNode) node).getValue();
            if (entries.size() != 1) {
                throw source.error(node, name + " must hold exactly one condition (" + String.join(", ", CONDITIONS.keySet())
                        + "), such as {matches: \".*checkout.*\"}; it holds " + entries.size());
            }
            String kind = YamlNodes.keyText(entries.get(0));
            ConditionKind reader = CONDITIONS.get(kind);
            if (reader == null) {
                throw source.error(entries.get(0).getKeyNode(),
                        DidYouMean.unknown("attribute condition", kind, CONDITIONS.keySet(), "Attribute conditions"));
            }
            return reader.read(entries.get(0).getValueNode(), name + "." + kind, source);
        }
        if (node instanceof SequenceNode sequence) {
            List<Object> elements = new ArrayList<>();
            for (int i = 0; i < sequence.getValue().size(); i++) {
                Node element = sequence.getValue().get(i);
                if (!(element instanceof ScalarNode) || element.getTag().equals(Tag.NULL)) {
                    throw source.error(element, name + "[" + i + "] must be a string, number or boolean (an array"
                            + " attribute holds scalars), was " + YamlNodes.describe(element));
                }
                elements.add(scalar(element, name + "[" + i + "]", source));
            }
            return AttributeCondition.equalToArray(elements);
        }
        if (!(node instanceof ScalarNode)) {
            throw source.error(node, name + " must be a value, a comparison such as \"< 500\", or a mapping with one of "
                    + String.join(", ", CONDITIONS.keySet()) + "; was " + YamlNodes.describe(node));
        }
        Tag tag = node.getTag();
        if (tag.equals(Tag.NULL)) {
            throw source.error(node, "missing value for " + name + "; write a value, or {exists: false} to require"
                    + " that the attribute is absent");
        }
        String text = ((ScalarNode) node).getValue();
        if (tag.equals(Tag.STR) && STARTS_WITH_OPERATOR.matcher(text).find()) {
            return AttributeCondition.compare(comparison(node, text, name, source));
        }
        return AttributeCondition.equalTo(scalar(node, name, source));
    }

    /** @return a YAML scalar as the typed value it compares with: a Long, a Double, a Boolean or a String */
    private static Object scalar(Node node, String name, YamlSource source) {
        Tag tag = node.getTag();
        if (tag.equals(Tag.INT)) {
            BigInteger value = YamlNodes.integer(node).orElseThrow(() -> notANumber(node, name, source));
            if (value.bitLength() >= Long.SIZE) {
                throw source.error(node, name + " " + value + " is too large for a span attribute (a long); write a smaller number");
            }
            return value.longValue();
        }
        if (tag.equals(Tag.FLOAT)) {
            return YamlNodes.decimal(node).orElseThrow(() -> notANumber(node, name, source));
        }
        if (tag.equals(Tag.BOOL)) {
            return YamlNodes.bool(node).orElseThrow();
        }
        return ((ScalarNode) node).getValue();
    }

    private static Comparison comparison(Node node, String text, String name, YamlSource source) {
        return Comparison.parse(text).orElseThrow(() -> source.error(node,
                CheckValues.notAComparison(name, text, "< 500")
                        + "; to match text that starts with an operator, use {contains: ...} or {matches: ...}"));
    }

    /** {@code {loose: 404}}: the explicit cross-type form; a comparison ({@code {loose: "> 20"}}) also reads numeric text. */
    private static AttributeCondition loose(Node node, String name, YamlSource source) {
        if (!(node instanceof ScalarNode) || node.getTag().equals(Tag.NULL)) {
            throw source.error(node, name + " must be a value or a comparison, such as {loose: 404} or"
                    + " {loose: \"> 20\"}; was " + YamlNodes.describe(node));
        }
        String text = ((ScalarNode) node).getValue();
        if (node.getTag().equals(Tag.STR) && STARTS_WITH_OPERATOR.matcher(text).find()) {
            return AttributeCondition.looseCompare(comparison(node, text, name, source));
        }
        return AttributeCondition.loose(scalar(node, name, source));
    }

    /** {@code encloses: children}, or {@code encloses: {descendants: "charge*"}}. */
    private static void encloses(SpanExpectation.Builder span, Node node, String name, YamlSource source) {
        if (node instanceof ScalarNode && ((ScalarNode) node).getValue().equals("children")) {
            span.encloses(Optional.empty());
            return;
        }
        if (!(node instanceof MappingNode)) {
            throw source.error(node, name + " must be children (every direct child lies within the span's time)"
                    + " or {descendants: \"glob\"} (every descendant with that name does); was " + YamlNodes.describe(node));
        }
        YamlMapping encloses = YamlMapping.of(node, name, "{descendants: \"glob\"}", List.of("descendants"), source);
        span.encloses(Optional.of(encloses.nonEmptyText("descendants").orElseThrow(() -> source.error(node,
                name + " has no descendants; write {descendants: \"charge*\"}, or children"))));
    }

    /** {@code after: glob}, or {@code after: {name: glob, within: trace}}. */
    private static void after(SpanExpectation.Builder span, Node node, String name, YamlSource source) {
        if (node instanceof ScalarNode) {
            span.after(YamlNodes.nonEmptyText(node, name, source));
            return;
        }
        YamlMapping after = YamlMapping.of(node, name, "a span name (a glob), or {name: glob, within: trace}",
                AFTER_KEYS, source);
        String glob = after.nonEmptyText("name").orElseThrow(() -> source.error(node, name + " has no name; write"
                + " {name: validate, within: trace}"));
        SpanExpectation.Within within = SpanExpectation.Within.ANY;
        Optional<Node> value = after.value("within");
        if (value.isPresent()) {
            String text = YamlNodes.nonEmptyText(value.get(), after.name("within"), source);
            within = WITHIN.get(text);
            if (within == null) {
                throw source.error(value.get(), DidYouMean.unknown("after scope", text, List.of("trace", "parent", "any"),
                        "Scopes"));
            }
        }
        span.after(glob, within);
    }

    private static TaskFileException notANumber(Node node, String name, YamlSource source) {
        return source.error(node, name + " \"" + ((ScalarNode) node).getValue() + "\" is not a number; write a plain number");
    }

    static Comparison count(Node node, String name, YamlSource source) {
        if (node instanceof ScalarNode && node.getTag().equals(Tag.INT)) {
            BigInteger exactly = YamlNodes.integer(node).orElseThrow(() -> notANumber(node, name, source));
            if (exactly.signum() < 0 || exactly.bitLength() >= Long.SIZE) {
                throw source.error(node, name + " must be a number of spans (0 or more), was " + exactly
                        + "; write a count such as 1, or a comparison such as \">= 1\"");
            }
            return Comparison.exactly(exactly.longValue());
        }
        if (!(node instanceof ScalarNode) || !node.getTag().equals(Tag.STR)) {
            throw source.error(node, name + " must be a number or a comparison such as \">= 1\", was "
                    + YamlNodes.describe(node));
        }
        String text = ((ScalarNode) node).getValue();
        return Comparison.parse(text).orElseThrow(() -> source.error(node, name + " \"" + text
                + "\" is not a count; write a number (exactly that many spans) or an operator and a number,"
                + " such as \">= 1\" or \"< 3\""));
    }

    private static StatusCode status(Node node, String name, YamlSource source) {
        String text = YamlNodes.nonEmptyText(node, name, source);
        StatusCode status = STATUSES.get(text);
        if (status == null) {
            throw source.error(node, DidYouMean.unknown("span status", text, STATUS_NAMES, "Span statuses"));
        }
        return status;
    }

    private static SpanKind kind(Node node, String name, YamlSource source) {
        String text = YamlNodes.nonEmptyText(node, name, source);
        if (!KIND_NAMES.contains(text)) {
            throw source.error(node, DidYouMean.unknown("span kind", text, KIND_NAMES, "Span kinds"));
        }
        return SpanKind.valueOf(text);
    }

    private static void resource(SpanExpectation.Builder span, Node node, String name, YamlSource source) {
        for (NodeTuple entry : YamlNodes.entries(node, name, "resource attribute names to conditions", source)) {
            String key = YamlNodes.keyText(entry);
            span.resource(key, condition(entry.getValueNode(), name + "." + key, source));
        }
    }

    /** Each item is an event name, or a mapping with the name and conditions on the event's attributes. */
    private static void events(SpanExpectation.Builder span, Node node, String name, YamlSource source) {
        List<Node> items = YamlNodes.items(node, name, "event names, such as [exception]", source);
        for (int i = 0; i < items.size(); i++) {
            Node item = items.get(i);
            String itemName = name + "[" + i + "]";
            if (!(item instanceof MappingNode)) {
                span.event(YamlNodes.nonEmptyText(item, itemName, source));
                continue;
            }
            YamlMapping event = YamlMapping.of(item, itemName, "an event name, or a mapping with name and attributes",
                    EVENT_KEYS, source);
            String eventName = event.nonEmptyText("name").orElseThrow(() -> source.error(item,
                    itemName + " has no name; add name: such as exception"));
            Map<String, AttributeCondition> attributes = new LinkedHashMap<>();
            event.value("attributes").ifPresent(value -> {
                for (NodeTuple entry : YamlNodes.entries(value, event.name("attributes"), "attribute names to"
                        + " conditions", source)) {
                    String key = YamlNodes.keyText(entry);
                    attributes.put(key, condition(entry.getValueNode(), event.name("attributes") + "." + key, source));
                }
            });
            span.event(eventName, attributes);
        }
    }

    /**
     * {@code links: 4}, {@code links: "== 4"}, or {@code links: {count: "== 4", distinct: true,
     * to: {name: send payments, kind: PRODUCER}}}.
     */
    private static void links(SpanExpectation.Builder span, Node node, String name, YamlSource source) {
        if (!(node instanceof MappingNode)) {
            span.links(linkCount(node, name, source));
            return;
        }
        YamlMapping links = YamlMapping.of(node, name, "a mapping with count, distinct and to", LINK_KEYS, source);
        Comparison count = links.value("count").map(value -> linkCount(value, links.name("count"), source))
                .orElse(new Comparison(Comparison.Operator.GE, java.math.BigDecimal.ONE));
        boolean distinct = links.value("distinct").map(value -> YamlNodes.bool(value).orElseThrow(() ->
                source.error(value, links.name("distinct") + " must be true or false, was " + YamlNodes.describe(value))))
                .orElse(false);
        Optional<SpanCondition> to = links.value("to").map(value -> condition(value, links.name("to"), List.of(), source));
        span.links(count, distinct, to);
    }

    /** A number is a minimum ({@code links: 3} is at least 3); a comparison says otherwise. */
    private static Comparison linkCount(Node node, String name, YamlSource source) {
        if (node instanceof ScalarNode && node.getTag().equals(Tag.INT)) {
            BigInteger least = YamlNodes.integer(node).orElseThrow(() -> notANumber(node, name, source));
            if (least.signum() < 0 || least.bitLength() >= Long.SIZE) {
                throw source.error(node, name + " must be a number of links (0 or more), was " + least);
            }
            return new Comparison(Comparison.Operator.GE, new java.math.BigDecimal(least));
        }
        return CheckValues.comparison(node, name, ">= 2", source);
    }

    private static void sum(SpanExpectation.Builder span, Node node, String name, YamlSource source) {
        for (NodeTuple entry : YamlNodes.entries(node, name, "attribute names to comparisons", source)) {
            String key = YamlNodes.keyText(entry);
            span.sum(key, CheckValues.comparison(entry.getValueNode(), name + "." + key, "< 2000", source));
        }
    }
}
