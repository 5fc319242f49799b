package dev.evalunit.task;

import com.fasterxml.jackson.databind.JsonNode;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import dev.evalunit.source.SourcePosition;
import dev.evalunit.source.TaskFileException;
import dev.evalunit.source.YamlSource;
import dev.evalunit.source.YamlLimits;

/**
 * A dataset's {@code template:}, with its {@code {{column}}} placeholders found once, and filled
 * for each row into a copy of only the nodes that hold one: every other node is shared by all rows
 * (see {@link ReadCache}). A filled node is shared too by the rows that fill it with the same
 * values, as long as few values do ({@value #MAX_SHARED_FILLS}): a check of the expected label of
 * a classification set is read once per label, not once per row.
 *
 * <p>A value that is a placeholder and nothing else takes the row's value as it is: a JSON number
 * stays a number, an object a mapping (a CSV value is read as YAML reads it unquoted). A
 * placeholder inside other text is replaced by the value's text (JSON for an object or an array).
 * Mapping keys are never filled.
 */
final class DatasetTemplate {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([^{}]*)}}");

    /** How many different fillings of one node are shared before it is taken as different in every row. */
    static final int MAX_SHARED_FILLS = 64;

    /** A piece of a value that holds placeholders: literal text, or a column's value. */
    private record Piece(String text, boolean column) {
    }

    /** A value that holds placeholders, and where it is in the template. */
    private record Filled(List<Piece> pieces, SourcePosition at) {
    }

    private final Node root;
    private final YamlSource source;
    private final Map<Node, Filled> filled = new IdentityHashMap<>();
    private final Set<Node> shared = Collections.newSetFromMap(new IdentityHashMap<>());
    /** The columns each node that holds a placeholder depends on. */
    private final Map<Node, List<String>> columnsUnder = new IdentityHashMap<>();
    /** The fillings of each node so far, by the values of its columns, while they are few. */
    private final Map<Node, Map<List<JsonNode>, Node>> fillings = new IdentityHashMap<>();
    /** The characters of text each shared filled node holds, counting its aliases, for a row's budget. */
    private final Map<Node, Long> filledSizes = new IdentityHashMap<>();
    private final Map<String, SourcePosition> columns = new LinkedHashMap<>();
    private final Map<SourcePosition, List<String>> columnsAt = new LinkedHashMap<>();

    private DatasetTemplate(Node root, YamlSource source) {
        this.root = root;
        this.source = source;
    }

    /** @throws TaskFileException at a placeholder that names no column name, such as {@code {{ }}} */
    static DatasetTemplate of(Node template, YamlSource source) {
        DatasetTemplate result = new DatasetTemplate(template, source);
        result.scan(template, source, new IdentityHashMap<>());
        return result;
    }

    /** @return the columns {@code node} and the nodes under it name */
    private Set<String> scan(Node node, YamlSource source, Map<Node, Set<String>> seen) {
        Set<String> known = seen.get(node);
        if (known != null) {
            return known; // an alias: the same node again
        }
        seen.put(node, Set.of());
        Set<String> names = new LinkedHashSet<>();
        if (node instanceof ScalarNode) {
            names.addAll(scanScalar((ScalarNode) node, source));
        } else if (node instanceof SequenceNode) {
            for (Node item : ((SequenceNode) node).getValue()) {
                names.addAll(scan(item, source, seen));
            }
        } else if (node instanceof MappingNode) {
            for (NodeTuple entry : ((MappingNode) node).getValue()) {
                names.addAll(scan(entry.getValueNode(), source, seen));
            }
        }
        seen.put(node, names);
        if (names.isEmpty()) {
            shared.add(node);
        } else {
            columnsUnder.put(node, List.copyOf(names));
            fillings.put(node, new HashMap<>());
        }
        return names;
    }

    private List<String> scanScalar(ScalarNode node, YamlSource source) {
        String value = node.getValue();
        Matcher matcher = PLACEHOLDER.matcher(value);
        List<Piece> pieces = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int end = 0;
        while (matcher.find()) {
            String name = matcher.group(1).strip();
            if (name.isEmpty()) {
                throw source.error(node, "the placeholder " + matcher.group() + " names no column; write the column's"
                        + " name between the braces, such as {{summary}}");
            }
            if (matcher.start() > end) {
                pieces.add(new Piece(value.substring(end, matcher.start()), false));
            }
            pieces.add(new Piece(name, true));
            names.add(name);
            columns.putIfAbsent(name, source.at(node));
            end = matcher.end();
        }
        if (names.isEmpty()) {
            return names;
        }
        if (end < value.length()) {
            pieces.add(new Piece(value.substring(end), false));
        }
        filled.put(node, new Filled(List.copyOf(pieces), source.at(node)));
        columnsAt.put(source.at(node), List.copyOf(names));
        return names;
    }

    /** @return the nodes every row shares, for a {@link ReadCache} */
    Set<Node> shared() {
        return shared;
    }

    /** @return every column the placeholders name, each with the first place it is used */
    Map<String, SourcePosition> columns() {
        return columns;
    }

    /** @return the columns whose values fill the value at {@code position}; empty when none does */
    List<String> columnsAt(SourcePosition position) {
        return columnsAt.getOrDefault(position, List.of());
    }

    /**
     * @param textOnly whether the row's values are all text (CSV), read then as YAML reads unquoted values
     * @return the template filled from {@code row}, which has every column the placeholders name
     * @throws TaskFileException at the row, when a value cannot be put inside text
     */
    Node fill(DatasetRow row, boolean textOnly) {
        return fill(root, row, textOnly, 1, new long[1]);
    }

    /**
     * @param characters the characters of text filled so far in this row, each alias of a filled node counted
     *                   again: a template that repeats a placeholder cannot multiply a row's value without bound
     */
    private Node fill(Node node, DatasetRow row, boolean textOnly, int depth, long[] characters) {
        if (shared.contains(node)) {
            Long size = filledSizes.get(node);
            if (size != null) {
                count(characters, size, row);
            }
            return node;
        }
        // Aliases may make a template deeper than its text, even endless: `&a ["{{x}}", *a]`. Only a list or a
        // mapping nests; the error is at it, where no row fills, so it is the template's, reported once.
        if (depth > YamlLimits.MAX_NESTING_DEPTH && !(node instanceof ScalarNode)) {
            throw source.error(node, "the template nests more than " + YamlLimits.MAX_NESTING_DEPTH
                    + " levels deep through aliases; expand the aliases");
        }
        Map<List<JsonNode>, Node> known = fillings.get(node);
        List<JsonNode> values = null;
        if (known != null) {
            values = new ArrayList<>();
            for (String column : columnsUnder.get(node)) {
                values.add(row.columns().get(column));
            }
            Node filled = known.get(values);
            if (filled != null) {
                count(characters, filledSizes.getOrDefault(filled, 0L), row);
                return filled; // also what keeps an alias one node within a row
            }
        }
        Node copy;
        long before = characters[0];
        if (node instanceof ScalarNode) {
            copy = fillScalar((ScalarNode) node, row, textOnly, characters);
        } else if (node instanceof SequenceNode) {
            SequenceNode sequence = (SequenceNode) node;
            List<Node> items = new ArrayList<>(sequence.getValue().size());
            for (Node item : sequence.getValue()) {
                items.add(fill(item, row, textOnly, depth + 1, characters));
            }
            copy = new SequenceNode(sequence.getTag(), true, items, sequence.getStartMark(), sequence.getEndMark(),
                    sequence.getFlowStyle());
        } else {
            MappingNode mapping = (MappingNode) node;
            List<NodeTuple> entries = new ArrayList<>(mapping.getValue().size());
            for (NodeTuple entry : mapping.getValue()) {
                entries.add(new NodeTuple(entry.getKeyNode(), fill(entry.getValueNode(), row, textOnly, depth + 1, characters)));
            }
            copy = new MappingNode(mapping.getTag(), true, entries, mapping.getStartMark(), mapping.getEndMark(),
                    mapping.getFlowStyle());
        }
        if (known != null) {
            if (known.size() < MAX_SHARED_FILLS) {
                known.put(values, copy);
                shared.add(copy);
                filledSizes.put(copy, characters[0] - before);
            } else {
                fillings.remove(node); // different in (nearly) every row: sharing would only hold memory
            }
        }
        return copy;
    }

    private void count(long[] characters, long size, DatasetRow row) {
        characters[0] = Math.min(characters[0] + size, YamlLimits.MAX_EXPANDED_CHARACTERS + 1);
        if (characters[0] > YamlLimits.MAX_EXPANDED_CHARACTERS) {
            throw new TaskFileException(row.at(), "the row's values fill the template to more than "
                    + YamlLimits.MAX_EXPANDED_CHARACTERS + " characters of text (limit"
                    + " YamlLimits.MAX_EXPANDED_CHARACTERS; no setting raises it); EvalUnit refuses it as a possible"
                    + " placeholder bomb — use each placeholder in fewer places, or shorten the row's values");
        }
    }

    private Node fillScalar(ScalarNode node, DatasetRow row, boolean textOnly, long[] characters) {
        Filled value = filled.get(node);
        List<Piece> pieces = value.pieces();
        if (pieces.size() == 1) {
            JsonNode column = row.columns().get(pieces.get(0).text());
            count(characters, column.isValueNode() ? column.asText().length() : column.toString().length(), row);
            return valueNode(row.columns().get(pieces.get(0).text()), node.getStartMark(), node.getEndMark(), textOnly);
        }
        StringBuilder text = new StringBuilder();
        for (Piece piece : pieces) {
            if (!piece.column()) {
                count(characters, piece.text().length(), row);
                text.append(piece.text());
                continue;
            }
            JsonNode column = row.columns().get(piece.text());
            if (column.isNull()) {
                throw new TaskFileException(row.at(), "the value of \"" + piece.text() + "\" is null, which cannot"
                        + " be put inside the text at " + value.at() + "; give the row a value");
            }
            String filling = column.isValueNode() ? column.asText() : column.toString();
            count(characters, filling.length(), row);
            text.append(filling);
        }
        return new ScalarNode(Tag.STR, true, text.toString(), node.getStartMark(), node.getEndMark(),
                DumperOptions.ScalarStyle.DOUBLE_QUOTED);
    }

    /** @return a node holding {@code value}, at the placeholder's place in the template */
    private static Node valueNode(JsonNode value, Mark start, Mark end, boolean textOnly) {
        if (value.isObject()) {
            List<NodeTuple> entries = new ArrayList<>();
            value.properties().forEach(entry -> entries.add(new NodeTuple(
                    new ScalarNode(Tag.STR, true, entry.getKey(), start, end, DumperOptions.ScalarStyle.PLAIN),
                    valueNode(entry.getValue(), start, end, false))));
            return new MappingNode(Tag.MAP, true, entries, start, end, DumperOptions.FlowStyle.FLOW);
        }
        if (value.isArray()) {
            List<Node> items = new ArrayList<>();
            value.forEach(item -> items.add(valueNode(item, start, end, false)));
            return new SequenceNode(Tag.SEQ, true, items, start, end, DumperOptions.FlowStyle.FLOW);
        }
        if (value.isNull()) {
            return new ScalarNode(Tag.NULL, true, "", start, end, DumperOptions.ScalarStyle.PLAIN);
        }
        String text = value.asText();
        return new ScalarNode(tag(value, text, textOnly), true, text, start, end,
                textOnly || !value.isTextual() ? DumperOptions.ScalarStyle.PLAIN : DumperOptions.ScalarStyle.DOUBLE_QUOTED);
    }

    private static Tag tag(JsonNode value, String text, boolean textOnly) {
        if (value.isBoolean()) {
            return Tag.BOOL;
        }
        if (value.isIntegralNumber()) {
            return Tag.INT;
        }
        if (value.isNumber()) {
            return Tag.FLOAT;
        }
        if (textOnly) {
            // As YAML reads the value unquoted, but "null" and "~" stay text: a CSV cell is never missing.
            if (Resolver.BOOL.matcher(text).matches()) {
                return Tag.BOOL;
            }
            if (Resolver.INT.matcher(text).matches()) {
                return Tag.INT;
            }
            if (Resolver.FLOAT.matcher(text).matches()) {
                return Tag.FLOAT;
            }
        }
        return Tag.STR;
    }
}
