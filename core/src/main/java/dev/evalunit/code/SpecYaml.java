package dev.evalunit.code;

import dev.evalunit.task.SourcePosition;
import dev.evalunit.task.TaskFileException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The task file a code spec is read from: positions and typed reads of its YAML nodes, each
 * failing with {@code path:line:column}, the value's name (such as {@code run.processes[0].main})
 * and what was expected, in the words of the task loader's messages.
 */
final class SpecYaml {

    private final URI uri;
    private final String path;

    SpecYaml(URI uri, String path) {
        this.uri = uri;
        this.path = path;
    }

    URI uri() {
        return uri;
    }

    SourcePosition at(Node node) {
        return node.getStartMark() == null ? SourcePosition.startOf(uri, path)
                : new SourcePosition(uri, path, node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1);
    }

    TaskFileException error(Node node, String problem) {
        return new TaskFileException(at(node), problem);
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
                throw error(entry.getKeyNode(), "unknown key \"" + key + "\"" + closest(key, allowed)
                        .map(match -> "; did you mean \"" + match + "\"?").orElse(".") + " Allowed in " + name
                        + ": " + String.join(", ", allowed));
            }
            entries.put(key, entry);
        }
        return entries;
    }

    static Optional<Node> value(Map<String, NodeTuple> entries, String key) {
        return Optional.ofNullable(entries.get(key)).map(NodeTuple::getValueNode);
    }

    static String key(NodeTuple entry) {
        return ((ScalarNode) entry.getKeyNode()).getValue();
    }

    /** @return non-blank text; numbers and booleans read as written */
    String text(Node node, String name) {
        if (node instanceof ScalarNode scalar && !node.getTag().equals(Tag.NULL)) {
            if (scalar.getValue().isBlank()) {
                throw error(node, "missing value for " + name + "; write a value");
            }
            return scalar.getValue();
        }
        if (node.getTag().equals(Tag.NULL)) {
            throw error(node, "missing value for " + name + "; write a value");
        }
        throw error(node, name + " must be text, was " + describe(node));
    }

    List<Node> items(Node node, String name, String ofWhat) {
        if (!(node instanceof SequenceNode)) {
            throw error(node, name + " must be a list of " + ofWhat + ", was " + describe(node));
        }
        return ((SequenceNode) node).getValue();
    }

    List<NodeTuple> entries(Node node, String name, String ofWhat) {
        if (!(node instanceof MappingNode)) {
            throw error(node, name + " must be a mapping of " + ofWhat + ", was " + describe(node));
        }
        return ((MappingNode) node).getValue();
    }

    /** @return a whole number written as one, or empty */
    static Optional<Long> integer(Node node) {
        if (node instanceof ScalarNode scalar && node.getTag().equals(Tag.INT)) {
            try {
                return Optional.of(Long.parseLong(scalar.getValue().replace("_", "")));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        Tag tag = node.getTag();
        if (tag.equals(Tag.NULL)) {
            return "empty";
        }
        if (tag.equals(Tag.BOOL)) {
            return "a boolean";
        }
        if (tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)) {
            return "a number";
        }
        return "a string";
    }

    /** @return the allowed word within two edits of {@code word}, ignoring case */
    static Optional<String> closest(String word, List<String> candidates) {
        String best = null;
        int bestDistance = 3;
        for (String candidate : candidates) {
            int distance = distance(word.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    private static int distance(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 3) {
            return Integer.MAX_VALUE;
        }
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
