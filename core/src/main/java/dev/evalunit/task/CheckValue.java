package dev.evalunit.task;

import dev.evalunit.source.SourcePosition;
import dev.evalunit.source.TaskFileException;
import dev.evalunit.source.YamlNodes;
import dev.evalunit.source.YamlSource;
import org.apiguardian.api.API;
import org.yaml.snakeyaml.nodes.Node;

import java.util.Objects;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

/**
 * The value written after a check's key in a task file, as a {@link CheckKind} reads it: as text,
 * as plain data, and with its position so that a complaint about it names the file, line and column.
 *
 * @since 0.2.0
 */
@API(status = EXPERIMENTAL, since = "0.2.0")
public final class CheckValue {

    private final Node node;
    private final String name;
    private final YamlSource source;

    CheckValue(Node node, String name, YamlSource source) {
        this.node = Objects.requireNonNull(node, "node");
        this.name = Objects.requireNonNull(name, "name");
        this.source = Objects.requireNonNull(source, "source");
    }

    /** @return the value's path for messages, such as {@code expect.output[2].max-words} */
    public String name() {
        return name;
    }

    /** @return where the value is written */
    public SourcePosition position() {
        return source.at(node);
    }

    /**
     * @return the value as non-blank text; a number or boolean reads as written
     * @throws TaskFileException when the value is missing, blank, a list or a mapping
     */
    public String text() {
        return YamlNodes.nonEmptyText(node, name, source);
    }

    /**
     * @return the value as plain data: {@code String}, {@code Long} or {@code BigInteger},
     *         {@code Double}, {@code Boolean}, {@code List}, {@code Map} with text keys, or {@code null}
     */
    public Object plain() {
        return YamlNodes.plain(node, name, source);
    }

    /**
     * @param problem what is wrong and what to write instead, such as
     *        {@code "expect.output[2].max-words must be a whole number, such as 50"}
     * @return an error at the value, to throw
     */
    public TaskFileException error(String problem) {
        return source.error(node, problem);
    }

    /** For EvalUnit's own kinds, which read SnakeYAML nodes directly. */
    Node node() {
        return node;
    }

    YamlSource source() {
        return source;
    }
}
