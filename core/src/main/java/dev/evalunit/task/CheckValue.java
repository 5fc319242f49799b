package dev.evalunit.task;

import dev.evalunit.source.SourcePosition;
import dev.evalunit.source.TaskFileException;
import dev.evalunit.source.YamlMapping;
import dev.evalunit.source.YamlNodes;
import dev.evalunit.source.YamlSource;
import org.apiguardian.api.API;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
     * @return what the value is, as error messages say it: {@code a mapping}, {@code a list},
     *         {@code a number}, {@code a boolean}, {@code a string} or {@code empty}
     */
    public String describe() {
        return YamlNodes.describe(node);
    }

    /** @return whether the value is a mapping, such as {@code {to: ..., min: 0.8}} */
    public boolean isMapping() {
        return node instanceof MappingNode;
    }

    /**
     * Reads the value as a mapping that may hold only the keys given, each value with its own name
     * and position, so that a complaint about one names the line and column of that value.
     *
     * @param what what the value must be, for the message when it is not a mapping, such as
     *        {@code "a mapping with to and min, such as {to: ..., min: 0.8}"}
     * @param allowed every key the mapping may hold, in the order documentation lists them
     * @return each key written, in the order of {@code allowed}, with its value, named such as
     *         {@code expect.output[2].similar.min}
     * @throws TaskFileException at the value when it is not a mapping, or at a key that is not
     *         allowed (naming the closest allowed key)
     */
    public Map<String, CheckValue> mapping(String what, List<String> allowed) {
        YamlMapping mapping = YamlMapping.of(node, name, what, allowed, source);
        Map<String, CheckValue> values = new LinkedHashMap<>();
        for (String key : allowed) {
            mapping.value(key).ifPresent(value -> values.put(key, new CheckValue(value, mapping.name(key), source)));
        }
        return Collections.unmodifiableMap(values);
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
