package dev.evalunit.source;

import org.apiguardian.api.API;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;

import java.net.URI;
import java.util.Objects;

/**
 * The task file being read: turns YAML marks into {@link SourcePosition}s and errors, and keeps
 * the file's budget of expanded nodes so aliases cannot blow up plain values.
 */
@API(status = INTERNAL, since = "0.2.0")
public final class YamlSource {

    private final URI uri;
    private final String path;
    private int expandedNodes;

    public YamlSource(URI uri, String path) {
        this.uri = Objects.requireNonNull(uri, "uri");
        this.path = Objects.requireNonNull(path, "path");
    }

    public SourcePosition start() {
        return SourcePosition.startOf(uri, path);
    }

    public SourcePosition at(Mark mark) {
        return mark == null ? start() : new SourcePosition(uri, path, mark.getLine() + 1, mark.getColumn() + 1);
    }

    public SourcePosition at(Node node) {
        return at(node.getStartMark());
    }

    public TaskFileException error(Node node, String problem) {
        return new TaskFileException(at(node), problem);
    }

    public TaskFileException error(Mark mark, String problem) {
        return new TaskFileException(at(mark), problem);
    }

    /** Counts one more node turned into a plain value; refuses the file past the limit. */
    public void expand(Node node) {
        if (++expandedNodes > YamlLimits.MAX_EXPANDED_NODES) {
            throw error(node, "the file expands to more than " + YamlLimits.MAX_EXPANDED_NODES
                    + " YAML nodes through aliases; EvalUnit refuses it as a possible alias bomb — expand the aliases");
        }
    }
}
