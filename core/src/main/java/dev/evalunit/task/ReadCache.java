package dev.evalunit.task;

import org.yaml.snakeyaml.nodes.Node;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What the nodes of a dataset template read to, for the nodes no placeholder touches: filling a
 * row copies only what holds a placeholder, so every other node is the same instance for every
 * row and is read (and validated, and held in memory) once for the whole dataset.
 *
 * <p>One cache serves one file on one thread.
 */
final class ReadCache {

    /** Reads every node afresh: for files without placeholders. */
    static final ReadCache NONE = new ReadCache(Set.of());

    private final Set<Node> shared;
    private final Map<Node, Object> values = new IdentityHashMap<>();

    /** @param shared the nodes that are the same for every row (an identity set) */
    ReadCache(Set<Node> shared) {
        this.shared = shared;
    }

    /** @return what {@code node} reads to: remembered when the node is shared, else read now */
    @SuppressWarnings("unchecked")
    <T> T get(Node node, Supplier<T> read) {
        if (!shared.contains(node)) {
            return read.get();
        }
        Object known = values.get(node);
        if (known == null) {
            known = read.get();
            values.put(node, known);
        }
        return (T) known;
    }
}
