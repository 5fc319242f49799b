package dev.evalunit.source;

import org.apiguardian.api.API;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A mapping of a task file with a fixed set of keys: an unknown key is an error at the key, with
 * a suggestion; reads are by key, named for messages by their path, such as {@code tools[0].result}.
 */
@API(status = INTERNAL, since = "0.2.0")
public final class YamlMapping {

    private final MappingNode node;
    private final String name;
    private final YamlSource source;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

    private YamlMapping(MappingNode node, String name, YamlSource source) {
        this.node = node;
        this.name = name;
        this.source = source;
    }

    /**
     * @param name the mapping's path, empty for the top level
     * @param what what the mapping is, for a type error, e.g. {@code a mapping with name and result}
     * @param allowed every key the mapping may hold, in the order documentation lists them
     */
    public static YamlMapping of(Node node, String name, String what, List<String> allowed, YamlSource source) {
        if (!(node instanceof MappingNode)) {
            throw source.error(node, name + " must be " + what + ", was " + YamlNodes.describe(node));
        }
        YamlMapping mapping = new YamlMapping((MappingNode) node, name, source);
        for (NodeTuple entry : mapping.node.getValue()) {
            String key = YamlNodes.keyText(entry);
            if (!allowed.contains(key)) {
                throw source.error(entry.getKeyNode(), DidYouMean.unknown("key", key, allowed, "Allowed here"));
            }
            mapping.entries.put(key, entry);
        }
        return mapping;
    }

    public MappingNode node() {
        return node;
    }

    /** @return the path of the value at {@code key}, such as {@code tools[0].result} */
    public String name(String key) {
        // concat, not +: called for every key of every dataset row, mostly before the JIT compiles it
        return name.isEmpty() ? key : name.concat(".").concat(key);
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    public Optional<Node> value(String key) {
        return Optional.ofNullable(entries.get(key)).map(NodeTuple::getValueNode);
    }

    public Optional<Node> key(String key) {
        return Optional.ofNullable(entries.get(key)).map(NodeTuple::getKeyNode);
    }

    /** @return the value at {@code key}; when the key is missing, an error at the mapping saying {@code whenMissing} */
    public Node required(String key, String whenMissing) {
        return value(key).orElseThrow(() -> source.error(node, whenMissing));
    }

    /** @return the text at {@code key}, which may be empty */
    public Optional<String> text(String key) {
        return value(key).map(value -> YamlNodes.text(value, name(key), source));
    }

    /** @return the text at {@code key}, which must not be empty */
    public Optional<String> nonEmptyText(String key) {
        return value(key).map(value -> YamlNodes.nonEmptyText(value, name(key), source));
    }
}
