package dev.evalunit.task;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import dev.evalunit.source.SourcePosition;
import dev.evalunit.source.TaskFileException;
import dev.evalunit.source.YamlSource;
import dev.evalunit.source.YamlNodes;
import dev.evalunit.source.YamlMapping;

/**
 * Reads a task's {@code tools} and its {@code reference}. That the reference calls declared tools
 * is checked once every layer's tools are known ({@link TaskAssembler}).
 */
final class ToolReader {

    private static final List<String> TOOL_KEYS = List.of("name", "description", "parameters", "result");
    private static final List<String> REFERENCE_KEYS = List.of("tool-calls", "output");
    private static final List<String> CALL_KEYS = List.of("name", "arguments");

    /** What OpenAI-compatible APIs accept as a function name. */
    private static final Pattern TOOL_NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");

    /** A reference as read, and where each of its calls names its tool. */
    record ReferenceRead(Reference reference, List<SourcePosition> calls) {
    }

    private ToolReader() {
    }

    /** @return the tools, each at its name */
    static List<Written<ToolFixture>> tools(YamlMapping task, YamlSource source, ReadCache cache) {
        Optional<Node> node = task.value("tools");
        if (node.isEmpty()) {
            return List.of();
        }
        String listName = task.name("tools");
        List<Node> items = YamlNodes.items(node.get(), listName, "tools", source);
        List<Written<ToolFixture>> tools = new ArrayList<>();
        Map<String, SourcePosition> declared = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String name = listName + "[" + i + "]";
            Node item = items.get(i);
            Written<ToolFixture> tool = cache.get(item, () -> tool(item, name, source));
            SourcePosition first = declared.putIfAbsent(tool.value().name(), tool.at());
            if (first != null) {
                throw new TaskFileException(tool.at(), "duplicate tool name \"" + tool.value().name()
                        + "\": it is already declared at line " + first.line() + "; rename or remove one of them");
            }
            tools.add(tool);
        }
        return tools;
    }

    private static Written<ToolFixture> tool(Node node, String name, YamlSource source) {
        YamlMapping tool = YamlMapping.of(node, name, "a mapping with name, description, parameters and result",
                TOOL_KEYS, source);
        Node nameNode = tool.required("name",
                name + " has no name; add name: with the name the model calls it by, such as get_pod_events");
        String toolName = YamlNodes.nonEmptyText(nameNode, tool.name("name"), source);
        if (!TOOL_NAME.matcher(toolName).matches()) {
            throw source.error(nameNode, "tool name \"" + toolName + "\" is not valid; use 1 to 64 letters, digits,"
                    + " _ or - (what OpenAI-compatible APIs accept)");
        }
        String description = tool.text("description").orElse("");
        Map<String, Object> parameters = tool.value("parameters")
                .map(value -> parameters(value, tool.name("parameters"), source))
                .orElse(Map.of());
        Node resultNode = tool.required("result", "tool \"" + toolName + "\" has no result; add result: with what a"
                + " call returns to the model (text, or any YAML value, which is sent as JSON)");
        ToolFixture fixture = new ToolFixture(toolName, description, parameters,
                result(resultNode, tool.name("result"), source));
        try {
            fixture.specification();
        } catch (RuntimeException e) {
            throw source.error(tool.value("parameters").orElse(node), tool.name("parameters")
                    + " is not a JSON Schema LangChain4j can use: " + (e.getMessage() != null ? e.getMessage() : e)
                    + "; write an object schema, such as {type: object, properties: {pod: {type: string}}, required: [pod]}");
        }
        return new Written<>(fixture, source.at(nameNode));
    }

    private static Map<String, Object> parameters(Node node, String name, YamlSource source) {
        if (!(node instanceof MappingNode)) {
            throw source.error(node, name + " must be a JSON Schema mapping, such as {type: object, properties:"
                    + " {pod: {type: string}}}; was " + YamlNodes.describe(node));
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        for (NodeTuple entry : ((MappingNode) node).getValue()) {
            String key = YamlNodes.keyText(entry);
            if (YamlNodes.isNull(entry.getValueNode())) {
                throw source.error(entry.getValueNode(), "missing value for " + name + "." + key + "; write a value");
            }
            schema.put(key, YamlNodes.plain(entry.getValueNode(), name, source));
        }
        return schema;
    }

    /** Text is returned as written; any other value as JSON. */
    private static String result(Node node, String name, YamlSource source) {
        if (node instanceof ScalarNode) {
            return YamlNodes.text(node, name, source);
        }
        return JsonText.of(YamlNodes.plain(node, name, source));
    }

    static Optional<ReferenceRead> reference(YamlMapping task, YamlSource source, ReadCache cache) {
        return task.value("reference").map(node -> cache.get(node, () -> {
            String name = task.name("reference");
            YamlMapping reference = YamlMapping.of(node, name, "a mapping with tool-calls and output",
                    REFERENCE_KEYS, source);
            List<ToolCall> calls = new ArrayList<>();
            List<SourcePosition> names = new ArrayList<>();
            reference.value("tool-calls").ifPresent(callsNode -> {
                List<Node> items = YamlNodes.items(callsNode, reference.name("tool-calls"), "tool calls", source);
                for (int i = 0; i < items.size(); i++) {
                    YamlMapping call = YamlMapping.of(items.get(i), reference.name("tool-calls") + "[" + i + "]",
                            "a mapping with name and arguments", CALL_KEYS, source);
                    Node nameNode = call.required("name", reference.name("tool-calls") + "[" + i
                            + "] has no name; add name: with one of the task's tools");
                    calls.add(call(call, nameNode, source));
                    names.add(source.at(nameNode));
                }
            });
            return new ReferenceRead(new Reference(calls, reference.text("output").orElse("")), List.copyOf(names));
        }));
    }

    private static ToolCall call(YamlMapping call, Node nameNode, YamlSource source) {
        String tool = YamlNodes.nonEmptyText(nameNode, call.name("name"), source);
        String arguments = call.value("arguments").map(value -> {
            if (!(value instanceof MappingNode)) {
                throw source.error(value, call.name("arguments") + " must be a mapping of argument names to values,"
                        + " was " + YamlNodes.describe(value));
            }
            return JsonText.of(YamlNodes.plain(value, call.name("arguments"), source));
        }).orElse("{}");
        return new ToolCall(tool, arguments);
    }
}
