package dev.evalunit.task;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import dev.evalunit.source.TaskFileException;
import dev.evalunit.source.YamlSource;
import dev.evalunit.source.YamlNodes;
import dev.evalunit.source.YamlMapping;

/**
 * Reads a task list: {@code tasks:}, each item a task of format v1 with the id
 * {@code <file id>/<item id>}, under defaults written at the top of the file. A broken item is a
 * problem of that item; the other items load.
 */
final class TaskListReader {

    /** The keys at the top of a task list: its id, the defaults, and the list. */
    static final List<String> KEYS = List.of("id", "tags", "system", "tools", "trials", "pass", "timeout", "expect",
            "cluster", "tasks");

    private TaskListReader() {
    }

    /** @param defaults the folder defaults, outermost first */
    static TaskFile read(MappingNode root, YamlSource source, String defaultId, List<TaskLayer> defaults) {
        TaskReader reader = new TaskReader(source);
        TaskLayer top = reader.read(root, "", KEYS, defaults);
        String fileId = top.id().map(Written::value).orElse(defaultId);
        Node list = YamlMapping.of(root, "", "a mapping", KEYS, source).value("tasks").orElseThrow();
        List<Node> nodes = YamlNodes.items(list, "tasks", "tasks, each a mapping with prompt: and expect:", source);
        if (nodes.isEmpty()) {
            throw source.error(list, "tasks is empty; add at least one task, such as"
                    + " - {id: capital-of-france, prompt: What is the capital of France?, expect: {output: [contains: Paris]}}");
        }
        List<TaskLayer> outer = new ArrayList<>(defaults);
        outer.add(top);
        List<TaskFile.Item> items = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            Node node = nodes.get(i);
            String id = fileId + "/" + ownId(node).orElse(Integer.toString(i + 1));
            try {
                List<TaskLayer> layers = new ArrayList<>(outer);
                layers.add(reader.read(node, "tasks[" + i + "]", TaskReader.TASK_KEYS, outer));
                items.add(TaskFile.Item.of(TaskAssembler.assemble(layers, id)));
            } catch (TaskFileException e) {
                items.add(TaskFile.Item.failed(id, e));
            }
        }
        return new TaskFile(source.start(), TaskFile.Form.LIST, fileId,
                UniqueIds.of(items, new HashMap<>(), "the id: key of the item"));
    }

    /** @return the item's {@code id:}, read leniently: a broken item is still named by it when it has one */
    private static Optional<String> ownId(Node node) {
        if (!(node instanceof MappingNode)) {
            return Optional.empty();
        }
        for (NodeTuple entry : ((MappingNode) node).getValue()) {
            if (YamlNodes.keyText(entry).equals("id") && entry.getValueNode() instanceof ScalarNode
                    && !YamlNodes.isNull(entry.getValueNode())) {
                String id = ((ScalarNode) entry.getValueNode()).getValue().strip();
                return id.isEmpty() ? Optional.empty() : Optional.of(id);
            }
        }
        return Optional.empty();
    }
}
