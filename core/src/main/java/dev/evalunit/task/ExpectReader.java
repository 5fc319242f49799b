package dev.evalunit.task;

import dev.evalunit.check.Check;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

import java.util.ArrayList;
import java.util.List;
import dev.evalunit.source.SourcePosition;
import dev.evalunit.source.YamlSource;
import dev.evalunit.source.YamlNodes;
import dev.evalunit.source.YamlMapping;
import dev.evalunit.source.DidYouMean;

/**
 * Reads a task's {@code expect}: output checks and span expectations, each in file order. That a
 * task has a check at all is checked once its layers are merged ({@link TaskAssembler}).
 */
final class ExpectReader {

    private static final List<String> KEYS = List.of("output", "spans");
    /** A code task (one with workspace:) may also check its run; CodeSpecReader reads that part. */
    private static final List<String> CODE_TASK_KEYS = List.of("output", "spans", "logs", "metrics", "run",
            "workspace");

    /**
     * @param at where {@code expect} is, or the mapping when it has none: where a missing check is reported
     */
    record Expectations(List<Check> output, List<Check> spans, SourcePosition at) {
    }

    private ExpectReader() {
    }

    /** @param spanOffset where this mapping's {@code spans[i]} count from: the span checks of the layers under it */
    static Expectations read(YamlMapping task, YamlSource source, ReadCache cache, int spanOffset) {
        if (!task.has("expect")) {
            return new Expectations(List.of(), List.of(), source.at(task.node()));
        }
        Node node = task.value("expect").orElseThrow();
        List<String> keys = task.has("workspace") ? CODE_TASK_KEYS : KEYS;
        return cache.get(node, () -> read(node, task.name("expect"), source, cache, spanOffset, keys));
    }

    private static Expectations read(Node node, String name, YamlSource source, ReadCache cache, int spanOffset,
            List<String> keys) {
        List<Check> output = new ArrayList<>();
        List<Check> spans = new ArrayList<>();
        YamlMapping expect = YamlMapping.of(node, name, "a mapping with output and spans", keys, source);
        expect.value("output").ifPresent(list -> {
            List<Node> items = YamlNodes.items(list, expect.name("output"), "checks", source);
            for (int i = 0; i < items.size(); i++) {
                Node item = items.get(i);
                String itemName = expect.name("output") + "[" + i + "]";
                output.add(cache.get(item, () -> outputCheck(item, itemName, source)));
            }
        });
        expect.value("spans").ifPresent(list -> {
            List<Node> items = YamlNodes.items(list, expect.name("spans"), "span expectations", source);
            for (int i = 0; i < items.size(); i++) {
                Node item = items.get(i);
                int index = spanOffset + i;
                String itemName = expect.name("spans") + "[" + i + "]";
                spans.add(cache.get(item, () -> SpanExpectationReader.read(item, index, itemName, source)));
            }
        });
        // A code task's log and metric checks read its run, as its span checks do, and are evaluated with them.
        telemetry(expect, "logs", "log expectations", TelemetryExpectationReader::log, spans, source, cache);
        telemetry(expect, "metrics", "metric expectations", TelemetryExpectationReader::metric, spans, source, cache);
        return new Expectations(List.copyOf(output), List.copyOf(spans), source.at(node));
    }

    /** Reads one item of {@code expect.logs} or {@code expect.metrics}. */
    private interface ItemReader {
        Check read(Node node, int index, String name, YamlSource source);
    }

    private static void telemetry(YamlMapping expect, String key, String ofWhat, ItemReader reader, List<Check> into,
                                  YamlSource source, ReadCache cache) {
        expect.value(key).ifPresent(list -> {
            List<Node> items = YamlNodes.items(list, expect.name(key), ofWhat, source);
            for (int i = 0; i < items.size(); i++) {
                Node item = items.get(i);
                int index = i;
                String itemName = expect.name(key) + "[" + i + "]";
                into.add(cache.get(item, () -> reader.read(item, index, itemName, source)));
            }
        });
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
        CheckKind reader = CheckKinds.all().get(kind);
        if (reader == null) {
            throw source.error(entries.get(0).getKeyNode(),
                    DidYouMean.unknown("output check", kind, CheckKinds.all().keySet(), "Output checks"));
        }
        return reader.read(new CheckValue(entries.get(0).getValueNode(), name + "." + kind, source));
    }
}
