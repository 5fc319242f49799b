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
import java.util.stream.Collectors;

/** Reads a task's {@code tools} and its {@code reference}, whose calls must name those tools. */
final class ToolReader {

    private static final List<String> TOOL_KEYS = List.of("name", "description", "parameters", "result");
    private static final List<String> REFERENCE_KEYS = List.of("tool-calls", "output");
    private static final List<String> CALL_KEYS = List.of("name", "arguments");

    /** What OpenAI-compatible APIs accept as a function name. */
    private static final Pattern TOOL_NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");

    private ToolReader() {
    }

    static List<ToolFixture> tools(YamlMapping task, YamlSource source) {
        Optional<Node> node = task.value("tools");
        if (node.isEmpty()) {
            return List.of();
        }
        List<Node> items = YamlNodes.items(node.get(), "tools", "tools", source);
        List<ToolFixture> tools = new ArrayList<>();
        Map<String, Node> declared = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            tools.add(tool(items.get(i), "tools[" + i + "]", declared, source));
        }
        return tools;
    }

    private static ToolFixture tool(Node node, String name, Map<String, Node> declared, YamlSource source) {
        YamlMapping tool = YamlMapping.of(node, name, "a mapping with name, description, parameters and result",
                TOOL_KEYS, source);
        Node nameNode = tool.required("name",
                name + " has no name; add name: with the name the model calls it by, such as get_pod_events");
        String toolName = YamlNodes.nonEmptyText(nameNode, tool.name("name"), source);
        if (!TOOL_NAME.matcher(toolName).matches()) {
            throw source.error(nameNode, "tool name \"" + toolName + "\" is not valid; use 1 to 64 letters, digits,"
                    + " _ or - (what OpenAI-compatible APIs accept)");
        }
        Node first = declared.putIfAbsent(toolName, nameNode);
        if (first != null) {
            throw source.error(nameNode, "duplicate tool name \"" + toolName + "\": it is already declared at line "
                    + source.at(first).line() + "; rename or remove one of them");
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
        return fixture;
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

    static Optional<Reference> reference(YamlMapping task, List<ToolFixture> tools, YamlSource source) {
        return task.value("reference").map(node -> {
            YamlMapping reference = YamlMapping.of(node, "reference", "a mapping with tool-calls and output",
                    REFERENCE_KEYS, source);
            List<ToolCall> calls = new ArrayList<>();
            reference.value("tool-calls").ifPresent(callsNode -> {
                List<Node> items = YamlNodes.items(callsNode, "reference.tool-calls", "tool calls", source);
                for (int i = 0; i < items.size(); i++) {
                    calls.add(call(items.get(i), "reference.tool-calls[" + i + "]", tools, source));
                }
            });
            return new Reference(calls, reference.text("output").orElse(""));
        });
    }

    private static ToolCall call(Node node, String name, List<ToolFixture> tools, YamlSource source) {
        YamlMapping call = YamlMapping.of(node, name, "a mapping with name and arguments", CALL_KEYS, source);
        Node nameNode = call.required("name", name + " has no name; add name: with one of the task's tools");
        String tool = YamlNodes.nonEmptyText(nameNode, call.name("name"), source);
        List<String> toolNames = tools.stream().map(ToolFixture::name).collect(Collectors.toList());
        if (!toolNames.contains(tool)) {
            throw source.error(nameNode, toolNames.isEmpty()
                    ? "unknown tool \"" + tool + "\": the task declares no tools; declare it under tools:"
                    : DidYouMean.unknown("tool", tool, toolNames, "Tools of this task"));
        }
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
