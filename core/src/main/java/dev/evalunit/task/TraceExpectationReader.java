package dev.evalunit.task;

import dev.evalunit.check.Comparison;
import dev.evalunit.check.SpanCondition;
import dev.evalunit.check.TraceExpectation;
import dev.evalunit.check.TracePattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.evalunit.source.YamlSource;
import dev.evalunit.source.YamlNodes;
import dev.evalunit.source.YamlMapping;

/**
 * Reads an item of {@code expect.spans} that checks whole traces, such as
 * {@code - each: {name: order, root: true, children: [{name: validate, count: 1}]}}, into a
 * {@link TraceExpectation}.
 */
final class TraceExpectationReader {

    static final Map<String, TraceExpectation.Quantifier> QUANTIFIERS = Map.of(
            "each", TraceExpectation.Quantifier.EACH,
            "some", TraceExpectation.Quantifier.SOME,
            "none", TraceExpectation.Quantifier.NONE);

    private static final List<String> ITEM_KEYS = List.of("each", "some", "none", "traces");
    private static final List<String> PATTERN_KEYS = List.of("root", "children", "only");
    private static final List<String> CHILD_KEYS = List.of("root", "children", "only", "count");

    private TraceExpectationReader() {
    }

    static TraceExpectation read(MappingNode node, int index, String name, YamlSource source) {
        YamlMapping item = YamlMapping.of(node, name, "one of each, some or none, with a trace pattern, and"
                + " optionally traces", ITEM_KEYS, source);
        List<String> quantifiers = QUANTIFIERS.keySet().stream().filter(item::has).sorted().toList();
        if (quantifiers.size() != 1) {
            throw source.error(node, name + " must hold exactly one of each, some and none; it holds "
                    + String.join(", ", quantifiers));
        }
        String quantifier = quantifiers.get(0);
        TracePattern pattern = pattern(item.value(quantifier).orElseThrow(), item.name(quantifier), PATTERN_KEYS,
                source);
        Optional<Comparison> traces = item.value("traces")
                .map(value -> SpanExpectationReader.count(value, item.name("traces"), source));
        if (quantifier.equals("none") && traces.isPresent()) {
            throw source.error(item.key("traces").orElseThrow(), name + ".traces does not go with none: none means"
                    + " no trace has the shape; use some with traces: \"<= 1\" for a limit");
        }
        return new TraceExpectation(index, QUANTIFIERS.get(quantifier), pattern, traces);
    }

    private static TracePattern pattern(Node node, String name, List<String> extra, YamlSource source) {
        SpanCondition condition = SpanExpectationReader.condition(node, name, extra, source);
        TracePattern.Builder pattern = TracePattern.of(condition);
        if (!(node instanceof MappingNode)) {
            return pattern.build();
        }
        YamlMapping mapping = YamlMapping.of(node, name, "a trace pattern", allKeys(extra), source);
        if (flag(mapping, "root", source)) {
            pattern.root();
        }
        if (flag(mapping, "only", source)) {
            pattern.only();
        }
        mapping.value("children").ifPresent(value -> {
            List<Node> children = YamlNodes.items(value, mapping.name("children"), "child patterns, such as"
                    + " - {name: validate, count: 1}", source);
            for (int i = 0; i < children.size(); i++) {
                Node child = children.get(i);
                String childName = mapping.name("children") + "[" + i + "]";
                Comparison count = new Comparison(Comparison.Operator.GE, BigDecimal.ONE);
                if (child instanceof MappingNode) {
                    YamlMapping childMapping = YamlMapping.of(child, childName, "a child pattern", allKeys(CHILD_KEYS),
                            source);
                    Optional<Node> countNode = childMapping.value("count");
                    if (countNode.isPresent()) {
                        count = SpanExpectationReader.count(countNode.get(), childMapping.name("count"), source);
                    }
                }
                pattern.child(pattern(child, childName, CHILD_KEYS, source), count);
            }
        });
        if (mapping.has("only") && !mapping.has("children")) {
            throw source.error(mapping.key("only").orElseThrow(), name + ".only needs children: it says the span"
                    + " has no children but those listed; for a leaf write children: []");
        }
        return pattern.build();
    }

    private static List<String> allKeys(List<String> extra) {
        List<String> keys = new java.util.ArrayList<>(List.of("name"));
        keys.addAll(SpanExpectationReader.CONDITION_PARTS);
        keys.addAll(extra);
        return keys;
    }

    private static boolean flag(YamlMapping mapping, String key, YamlSource source) {
        return mapping.value(key).map(value -> YamlNodes.bool(value).orElseThrow(() -> source.error(value,
                mapping.name(key) + " must be true or false, was " + YamlNodes.describe(value)))).orElse(false);
    }
}
