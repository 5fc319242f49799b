package dev.evalunit.code;

import dev.evalunit.source.DidYouMean;
import dev.evalunit.source.SourcePosition;
import dev.evalunit.source.TaskFileException;
import dev.evalunit.source.YamlNodes;
import dev.evalunit.source.YamlSource;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;



/**
 * The task file a code spec is read from: the shared YAML toolkit of {@code dev.evalunit.source}
 * with the names the code-spec readers use, so their messages read like the task loader's.
 */
final class SpecYaml {

    private final URI uri;
    private final YamlSource source;

    SpecYaml(URI uri, String path) {
        this.uri = uri;
        this.source = new YamlSource(uri, path);
    }

    URI uri() {
        return uri;
    }

    SourcePosition at(Node node) {
        return source.at(node);
    }

    TaskFileException error(Node node, String problem) {
        return source.error(node, problem);
    }

    /** @return the mapping's entries by key, refusing keys not in {@code allowed} */
    Map<String, NodeTuple> mapping(Node node, String name, String what, List<String> allowed) {
        if (!(node instanceof MappingNode)) {
            throw error(node, name + " must be " + what + ", was " + describe(node));
        }
        Map<String, NodeTuple> entries = new LinkedHashMap<>();
        for (NodeTuple entry : ((MappingNode) node).getValue()) {
            String key = key(entry);
            if (!allowed.contains(key)) {
                throw error(entry.getKeyNode(), DidYouMean.unknown("key", key, allowed, "Allowed in " + name));
            }
            entries.put(key, entry);
        }
        return entries;
    }

    static Optional<Node> value(Map<String, NodeTuple> entries, String key) {
        return Optional.ofNullable(entries.get(key)).map(NodeTuple::getValueNode);
    }

    static String key(NodeTuple entry) {
        return YamlNodes.keyText(entry);
    }

    /** @return non-blank text; numbers and booleans read as written */
    String text(Node node, String name) {
        return YamlNodes.nonEmptyText(node, name, source);
    }

    List<Node> items(Node node, String name, String ofWhat) {
        return YamlNodes.items(node, name, ofWhat, source);
    }

    List<NodeTuple> entries(Node node, String name, String ofWhat) {
        return YamlNodes.entries(node, name, ofWhat, source);
    }

    /** @return a whole number written as one that fits a long, or empty */
    static Optional<Long> integer(Node node) {
        return YamlNodes.integer(node).filter(value -> value.bitLength() < Long.SIZE).map(java.math.BigInteger::longValue);
    }

    static String describe(Node node) {
        return YamlNodes.describe(node);
    }
}
