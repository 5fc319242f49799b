package dev.evalunit.source;

import org.apiguardian.api.API;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.composer.ComposerException;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads YAML text into a node tree of plain data, with positions, refusing whatever could
 * construct objects or exhaust the reader: tags, alias bombs, deep nesting, oversized files,
 * duplicate keys, merge keys.
 *
 * <p>Only the node tree is built ({@code compose}); nothing is ever constructed from tags.
 */
@API(status = INTERNAL, since = "0.2.0")
public final class SafeYaml {

    /** Tags plain data resolves to; every other tag, written or resolved, is refused. */
    private static final Set<Tag> PLAIN_DATA_TAGS =
            Set.of(Tag.STR, Tag.INT, Tag.FLOAT, Tag.BOOL, Tag.NULL, Tag.TIMESTAMP, Tag.SEQ, Tag.MAP);

    private static final String GLOBAL_TAG_REFUSED = "Global tag is not allowed: ";
    private static final String TOO_MANY_ALIASES = "Number of aliases for non-scalar nodes exceeds";
    private static final String TOO_DEEP = "Nesting Depth exceeded";
    private static final String TOO_LARGE = "The incoming YAML document exceeds the limit";
    private static final String SEVERAL_DOCUMENTS = "expected a single document in the stream";

    private SafeYaml() {
    }

    /**
     * @return the document's root node, or empty when the text holds no document (empty or comments only)
     * @throws TaskFileException when the text is not safe, plain YAML
     */
    public static Optional<Node> compose(String content, YamlSource source) {
        if (content.codePointCount(0, content.length()) > YamlLimits.MAX_CODE_POINTS) {
            throw new TaskFileException(source.start(), tooLarge());
        }
        Node root;
        try {
            root = yaml().compose(new StringReader(content));
        } catch (YAMLException e) {
            throw translate(e, content, source);
        }
        if (root == null) {
            return Optional.empty();
        }
        boolean[] aliased = {false};
        checkPlainData(root, source, Collections.newSetFromMap(new IdentityHashMap<>()), aliased);
        // Without an alias every character of text is written in the file once, and the file is within
        // MAX_CODE_POINTS, far below MAX_EXPANDED_CHARACTERS: only a tree that shares nodes is walked again.
        if (aliased[0] && expandedCharacters(root, new IdentityHashMap<>()) > YamlLimits.MAX_EXPANDED_CHARACTERS) {
            throw source.error(findAliasBeyondCharacters(content), tooManyCharacters());
        }
        return Optional.of(root);
    }

    /**
     * One {@code Yaml} per thread: building one compiles its resolver's patterns, which cost more than
     * composing a small task file, and a {@code Yaml} is not to be shared between threads.
     */
    private static final ThreadLocal<Yaml> YAML = ThreadLocal.withInitial(SafeYaml::newYaml);

    private static Yaml yaml() {
        return YAML.get();
    }

    private static Yaml newYaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(YamlLimits.MAX_ALIASES);
        options.setNestingDepthLimit(YamlLimits.MAX_NESTING_DEPTH);
        options.setCodePointLimit(YamlLimits.MAX_CODE_POINTS);
        options.setAllowRecursiveKeys(false);
        options.setTagInspector(tag -> false);
        DumperOptions dumperOptions = new DumperOptions();
        return new Yaml(new SafeConstructor(options), new Representer(dumperOptions), dumperOptions, options);
    }

    /**
     * Composing keeps written tags and duplicate keys (only constructing would refuse them), so
     * the tree is checked here, each node once even when aliases share it.
     */
    private static void checkPlainData(Node node, YamlSource source, Set<Node> checked, boolean[] aliased) {
        if (!checked.add(node)) {
            aliased[0] = true; // reached again: an alias repeats it
            return;
        }
        if (!PLAIN_DATA_TAGS.contains(node.getTag())) {
            if (node.getTag().equals(Tag.MERGE)) {
                throw source.error(node, "merge keys (<<) are not supported; write the keys out");
            }
            throw source.error(node, tagRefused(node.getTag().getValue()));
        }
        if (node instanceof SequenceNode) {
            for (Node item : ((SequenceNode) node).getValue()) {
                checkPlainData(item, source, checked, aliased);
            }
        } else if (node instanceof MappingNode) {
            Map<String, Node> keys = new HashMap<>();
            for (NodeTuple entry : ((MappingNode) node).getValue()) {
                Node key = entry.getKeyNode();
                checkPlainData(key, source, checked, aliased);
                if (!(key instanceof ScalarNode) || key.getTag().equals(Tag.NULL)) {
                    throw source.error(key, "a mapping key must be text, was " + YamlNodes.describe(key)
                            + "; write a plain key");
                }
                String text = ((ScalarNode) key).getValue();
                Node first = keys.putIfAbsent(text, key);
                if (first != null) {
                    throw source.error(key, "duplicate key \"" + text + "\": it is already given at line "
                            + source.at(first).line() + "; remove one of them");
                }
                checkPlainData(entry.getValueNode(), source, checked, aliased);
            }
        }
    }

    private static TaskFileException translate(YAMLException e, String content, YamlSource source) {
        String message = String.valueOf(e.getMessage());
        if (message.startsWith(TOO_MANY_ALIASES)) {
            return source.error(findAliasBeyondLimit(content),
                    "the file uses more than " + YamlLimits.MAX_ALIASES
                            + " aliases; EvalUnit refuses it as a possible alias bomb — expand the aliases");
        }
        if (message.startsWith(TOO_DEEP)) {
            return source.error(findNodeBeyondDepth(content),
                    "the file nests lists and mappings more than " + YamlLimits.MAX_NESTING_DEPTH
                            + " levels deep; flatten it");
        }
        if (message.startsWith(TOO_LARGE)) {
            return new TaskFileException(source.start(), tooLarge());
        }
        if (!(e instanceof MarkedYAMLException)) {
            return new TaskFileException(source.start(), "invalid YAML: " + message + "; fix the YAML syntax");
        }
        MarkedYAMLException marked = (MarkedYAMLException) e;
        Mark mark = marked.getProblemMark() != null ? marked.getProblemMark() : marked.getContextMark();
        String problem = String.valueOf(marked.getProblem());
        if (e instanceof ComposerException && problem.startsWith(GLOBAL_TAG_REFUSED)) {
            return source.error(mark, tagRefused(problem.substring(GLOBAL_TAG_REFUSED.length())));
        }
        if (e instanceof ComposerException && SEVERAL_DOCUMENTS.equals(marked.getContext())) {
            return source.error(mark, "the file holds more than one YAML document; EvalUnit reads one per file"
                    + " — move the document that starts here into a file of its own");
        }
        StringBuilder what = new StringBuilder("invalid YAML: ").append(problem);
        if (marked.getContext() != null && marked.getContextMark() != null) {
            what.append(" (").append(marked.getContext()).append(" at line ")
                    .append(marked.getContextMark().getLine() + 1).append(')');
        }
        return source.error(mark, what.append("; fix the YAML syntax here (check the indentation, and quote"
                + " text that contains \": \" or starts with a YAML indicator such as !, &, *, [ or {)").toString());
    }

    static String tooManyCharacters() {
        return "the file expands to more than " + YamlLimits.MAX_EXPANDED_CHARACTERS + " characters of text through"
                + " aliases (limit YamlLimits.MAX_EXPANDED_CHARACTERS; no setting raises it); EvalUnit refuses it as a"
                + " possible alias bomb — write the text out once where it is used, or split the file";
    }

    /**
     * The characters of text under {@code node}, counting a node again each time an alias repeats it
     * (keys included), saturating past the limit; a node under itself counts nothing the second time.
     */
    private static long expandedCharacters(Node node, Map<Node, Long> sizes) {
        Long known = sizes.get(node);
        if (known != null) {
            return known;
        }
        sizes.put(node, 0L);
        long size = 0;
        if (node instanceof ScalarNode) {
            size = ((ScalarNode) node).getValue().length();
        } else if (node instanceof SequenceNode) {
            for (Node item : ((SequenceNode) node).getValue()) {
                size = saturated(size + expandedCharacters(item, sizes));
            }
        } else if (node instanceof MappingNode) {
            for (NodeTuple entry : ((MappingNode) node).getValue()) {
                size = saturated(size + expandedCharacters(entry.getKeyNode(), sizes)
                        + expandedCharacters(entry.getValueNode(), sizes));
            }
        }
        sizes.put(node, size);
        return size;
    }

    private static long saturated(long size) {
        return Math.min(size, YamlLimits.MAX_EXPANDED_CHARACTERS + 1);
    }

    /** The tree holds no alias positions; replay the events to find the alias whose text is one too many. */
    private static Mark findAliasBeyondCharacters(String content) {
        Map<String, Long> anchored = new HashMap<>();
        ArrayDeque<long[]> open = new ArrayDeque<>();
        ArrayDeque<String> openAnchors = new ArrayDeque<>();
        long total = 0;
        try {
            for (Event event : yaml().parse(new StringReader(content))) {
                long added = -1;
                if (event instanceof AliasEvent) {
                    added = anchored.getOrDefault(((AliasEvent) event).getAnchor(), 0L);
                } else if (event instanceof ScalarEvent) {
                    added = ((ScalarEvent) event).getValue().length();
                    if (((ScalarEvent) event).getAnchor() != null) {
                        anchored.put(((ScalarEvent) event).getAnchor(), added);
                    }
                } else if (event instanceof CollectionStartEvent) {
                    open.push(new long[1]);
                    String anchor = ((CollectionStartEvent) event).getAnchor();
                    openAnchors.push(anchor == null ? "" : anchor); // an anchor is never empty
                } else if (event instanceof CollectionEndEvent) {
                    long size = open.pop()[0];
                    String anchor = openAnchors.pop();
                    if (!anchor.isEmpty()) {
                        anchored.put(anchor, size);
                    }
                    if (!open.isEmpty()) {
                        open.peek()[0] = saturated(open.peek()[0] + size);
                    }
                }
                if (added >= 0) {
                    total = saturated(total + added);
                    if (!open.isEmpty()) {
                        open.peek()[0] = saturated(open.peek()[0] + added);
                    }
                    if (total > YamlLimits.MAX_EXPANDED_CHARACTERS) {
                        return event.getStartMark();
                    }
                }
            }
        } catch (YAMLException unexpected) {
            // as above
        }
        return null;
    }

    private static String tooLarge() {
        return "the file is larger than " + YamlLimits.MAX_CODE_POINTS + " characters; split it into smaller task files";
    }

    private static String tagRefused(String tag) {
        String written = tag.startsWith(Tag.PREFIX) ? "!!" + tag.substring(Tag.PREFIX.length()) : tag;
        String refused = "tag " + written + " is not allowed: task files hold plain data (text, numbers,"
                + " booleans, lists, mappings) and EvalUnit constructs nothing from tags; remove the tag";
        return written.startsWith("!") && !written.startsWith("!!")
                ? refused + " (to write text that starts with !, quote it: \"" + written + " ...\")"
                : refused;
    }

    /** The composer counts aliases without a position; replay the events to find the one too many. */
    private static Mark findAliasBeyondLimit(String content) {
        Map<String, Boolean> anchorIsCollection = new HashMap<>();
        int aliases = 0;
        try {
            for (Event event : yaml().parse(new StringReader(content))) {
                if (event instanceof AliasEvent) {
                    if (anchorIsCollection.getOrDefault(((AliasEvent) event).getAnchor(), false)
                            && ++aliases > YamlLimits.MAX_ALIASES) {
                        return event.getStartMark();
                    }
                } else if (event instanceof NodeEvent && ((NodeEvent) event).getAnchor() != null) {
                    anchorIsCollection.put(((NodeEvent) event).getAnchor(), event instanceof CollectionStartEvent);
                }
            }
        } catch (YAMLException unexpected) {
            // the composer failed first; without a position the error points at the start of the file
        }
        return null;
    }

    /** The composer counts depth without a position; replay the events to find the node too deep. */
    private static Mark findNodeBeyondDepth(String content) {
        int depth = 0;
        try {
            for (Event event : yaml().parse(new StringReader(content))) {
                if ((event instanceof ScalarEvent || event instanceof CollectionStartEvent)
                        && depth > YamlLimits.MAX_NESTING_DEPTH) {
                    return event.getStartMark();
                }
                if (event instanceof CollectionStartEvent) {
                    depth++;
                } else if (event instanceof CollectionEndEvent) {
                    depth--;
                }
            }
        } catch (YAMLException unexpected) {
            // as above
        }
        return null;
    }
}
