package dev.evalunit.source;

import org.apiguardian.api.API;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Typed reads of single nodes, each failing with the node's position, the value's name (such as
 * {@code tools[0].result}) and what was expected.
 */
@API(status = INTERNAL, since = "0.2.0")
public final class YamlNodes {

    private static final Set<String> TRUE = Set.of("true", "yes", "on");

    private YamlNodes() {
    }

    /** @return what a node is, as error messages say it: {@code a mapping}, {@code a list}, {@code a number}... */
    public static String describe(Node node) {
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

    public static boolean isNull(Node node) {
        return node instanceof ScalarNode && node.getTag().equals(Tag.NULL);
    }

    /** @return the scalar's text as written, possibly empty; any scalar but null, so {@code 42} reads as "42" */
    public static String text(Node node, String name, YamlSource source) {
        if (isNull(node)) {
            throw source.error(node, "missing value for " + name + "; write a value");
        }
        if (!(node instanceof ScalarNode)) {
            throw source.error(node, name + " must be text, was " + describe(node));
        }
        return ((ScalarNode) node).getValue();
    }

    /** @return like {@link #text}, refusing empty and blank text */
    public static String nonEmptyText(Node node, String name, YamlSource source) {
        String text = text(node, name, source);
        if (text.isBlank()) {
            throw source.error(node, "missing value for " + name + "; write a value");
        }
        return text;
    }

    /** @return the items of a list */
    public static List<Node> items(Node node, String name, String ofWhat, YamlSource source) {
        if (!(node instanceof SequenceNode)) {
            throw source.error(node, name + " must be a list of " + ofWhat + ", was " + describe(node));
        }
        return ((SequenceNode) node).getValue();
    }

    /** @return the entries of a mapping; keys are text (see {@link SafeYaml}) */
    public static List<NodeTuple> entries(Node node, String name, String ofWhat, YamlSource source) {
        if (!(node instanceof MappingNode)) {
            throw source.error(node, name + " must be a mapping of " + ofWhat + ", was " + describe(node));
        }
        return ((MappingNode) node).getValue();
    }

    public static String keyText(NodeTuple entry) {
        return ((ScalarNode) entry.getKeyNode()).getValue();
    }

    /** @return a whole number written as a YAML integer: decimal, {@code 0x}, {@code 0b}, octal or sexagesimal */
    public static Optional<BigInteger> integer(Node node) {
        if (!(node instanceof ScalarNode) || !node.getTag().equals(Tag.INT)) {
            return Optional.empty();
        }
        String text = ((ScalarNode) node).getValue().replace("_", "");
        boolean negative = text.startsWith("-");
        if (text.startsWith("-") || text.startsWith("+")) {
            text = text.substring(1);
        }
        try {
            BigInteger value;
            if (text.startsWith("0b")) {
                value = new BigInteger(text.substring(2), 2);
            } else if (text.startsWith("0x")) {
                value = new BigInteger(text.substring(2), 16);
            } else if (text.contains(":")) {
                value = BigInteger.ZERO;
                for (String digits : text.split(":")) {
                    value = value.multiply(BigInteger.valueOf(60)).add(new BigInteger(digits));
                }
            } else if (text.length() > 1 && text.startsWith("0")) {
                value = new BigInteger(text.substring(1), 8); // YAML 1.1, as every YAML 1.1 reader does
            } else {
                value = new BigInteger(text);
            }
            return Optional.of(negative ? value.negate() : value);
        } catch (NumberFormatException notAnInteger) { // only with an explicit !!int tag
            return Optional.empty();
        }
    }

    /** @return a YAML float as a double: decimal, exponent, {@code .inf} or {@code .nan} */
    public static Optional<Double> decimal(Node node) {
        if (!(node instanceof ScalarNode) || !node.getTag().equals(Tag.FLOAT)) {
            return Optional.empty();
        }
        String text = ((ScalarNode) node).getValue().replace("_", "").toLowerCase(Locale.ROOT);
        double sign = text.startsWith("-") ? -1 : 1;
        if (text.startsWith("-") || text.startsWith("+")) {
            text = text.substring(1);
        }
        if (text.equals(".inf")) {
            return Optional.of(sign * Double.POSITIVE_INFINITY);
        }
        if (text.equals(".nan")) {
            return Optional.of(Double.NaN);
        }
        try {
            if (text.contains(":")) {
                double value = 0;
                for (String digits : text.split(":")) {
                    value = value * 60 + Double.parseDouble(digits);
                }
                return Optional.of(sign * value);
            }
            return Optional.of(sign * Double.parseDouble(text));
        } catch (NumberFormatException notADecimal) { // only with an explicit !!float tag
            return Optional.empty();
        }
    }

    /** @return a YAML boolean: {@code true}, {@code false} and their YAML 1.1 spellings {@code yes}, {@code on}... */
    public static Optional<Boolean> bool(Node node) {
        if (!(node instanceof ScalarNode) || !node.getTag().equals(Tag.BOOL)) {
            return Optional.empty();
        }
        return Optional.of(TRUE.contains(((ScalarNode) node).getValue().toLowerCase(Locale.ROOT)));
    }

    /**
     * @return the node as plain Java data, the way a JSON library holds it: {@code Map} (in file
     *         order), {@code List}, {@code String}, {@code Long} or {@code BigInteger}, {@code Double},
     *         {@code Boolean}, or {@code null}
     */
    public static Object plain(Node node, String name, YamlSource source) {
        return plain(node, name, source, 1);
    }

    private static Object plain(Node node, String name, YamlSource source, int depth) {
        // Aliases may make a value deeper than the text, even endless: `&a [*a]`.
        if (depth > YamlLimits.MAX_NESTING_DEPTH) {
            throw source.error(node, name + " nests more than " + YamlLimits.MAX_NESTING_DEPTH
                    + " levels deep through aliases; expand the aliases");
        }
        source.expand(node);
        if (node instanceof SequenceNode) {
            List<Object> list = new ArrayList<>();
            for (Node item : ((SequenceNode) node).getValue()) {
                list.add(plain(item, name, source, depth + 1));
            }
            return list;
        }
        if (node instanceof MappingNode) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (NodeTuple entry : ((MappingNode) node).getValue()) {
                map.put(keyText(entry), plain(entry.getValueNode(), name, source, depth + 1));
            }
            return map;
        }
        if (isNull(node)) {
            return null;
        }
        Optional<BigInteger> integer = integer(node);
        if (integer.isPresent()) {
            return integer.get().bitLength() < Long.SIZE ? (Object) integer.get().longValue() : integer.get();
        }
        Optional<Object> other = decimal(node).<Object>map(d -> d).or(() -> bool(node).map(b -> b));
        return other.orElseGet(() -> ((ScalarNode) node).getValue());
    }
}
