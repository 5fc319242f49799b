package dev.evalunit.task;

import dev.evalunit.check.Check;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

import java.util.ArrayList;
import java.util.List;

/** Reads a task's {@code expect}: output checks first, then span expectations, each in file order. */
final class ExpectReader {

    private static final List<String> KEYS = List.of("output", "spans");

    private ExpectReader() {
    }

    static List<Check> read(YamlMapping task, YamlSource source) {
        List<Check> checks = new ArrayList<>();
        Node at = task.node();
        if (task.has("expect")) {
            at = task.value("expect").orElseThrow();
            YamlMapping expect = YamlMapping.of(at, "expect", "a mapping with output and spans", KEYS, source);
            expect.value("output").ifPresent(output -> {
                List<Node> items = YamlNodes.items(output, "expect.output", "checks", source);
                for (int i = 0; i < items.size(); i++) {
                    checks.add(outputCheck(items.get(i), "expect.output[" + i + "]", source));
                }
            });
            expect.value("spans").ifPresent(spans -> {
                List<Node> items = YamlNodes.items(spans, "expect.spans", "span expectations", source);
                for (int i = 0; i < items.size(); i++) {
                    checks.add(SpanExpectationReader.read(items.get(i), i, "expect.spans[" + i + "]", source));
                }
            });
        }
        if (checks.isEmpty()) {
            throw source.error(at, "the task has no checks; add at least one check under expect.output or"
                    + " expect.spans (a task that cannot fail proves nothing)");
        }
        return checks;
    }

    private static Check outputCheck(Node node, String name, YamlSource source) {
        if (!(node instanceof MappingNode)) {
            throw source.error(node, name + " must be a mapping with one check, such as - contains: OOM; was "
                    + YamlNodes.describe(node));
        }
        List<NodeTuple> entries = ((MappingNode) node).getValue();
        if (entries.size() != 1) {
            throw source.error(node, name + " must hold exactly one check, such as - contains: OOM; it holds "
                    + entries.size() + " — write each check as an item of its own");
        }
        String kind = YamlNodes.keyText(entries.get(0));
        OutputCheckKinds.Kind reader = OutputCheckKinds.KINDS.get(kind);
        if (reader == null) {
            throw source.error(entries.get(0).getKeyNode(),
                    DidYouMean.unknown("output check", kind, OutputCheckKinds.KINDS.keySet(), "Output checks"));
        }
        return reader.read(entries.get(0).getValueNode(), name + "." + kind, source);
    }
}
