package dev.evalunit.task;

import org.apiguardian.api.API;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import dev.evalunit.source.SourcePosition;
import dev.evalunit.source.TaskFileException;
import dev.evalunit.source.YamlSource;
import dev.evalunit.source.YamlNodes;
import dev.evalunit.source.SafeYaml;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * Reads the text of a task file into a {@link TaskFile}, or fails with a
 * {@link TaskFileException} whose message is {@code path:line:column: what is wrong and what to do}.
 *
 * <p>A file holds one task (format v1), a task list ({@code tasks:}) or a dataset with a template
 * ({@code dataset:} and {@code template:}); see docs/task-files.md. A problem of the whole file
 * fails the load; a problem of one list item or one dataset row is an item of the file with that
 * problem, and the other items load.
 *
 * <p>The text is read as plain YAML data only: tags that could construct objects, alias bombs,
 * deep nesting, oversized files and duplicate keys are refused. Every rule of the task file format
 * is enforced: an unknown key, a value of the wrong type or a missing required value is an error,
 * never ignored, and so is a task without checks, since a task that cannot fail proves nothing.
 *
 * <p>Stateless and safe to share between threads.
 *
 * @since 0.1.0
 */
@API(status = INTERNAL, since = "0.1.0")
public final class TaskFileLoader {

    /** The name of a folder's defaults file. */
    public static final String DEFAULTS_FILE_NAME = "_defaults.yaml";

    /**
     * @param uri where the file is, for {@link SourcePosition#uri()}, and where a dataset's path
     *        starts from; never {@code null}
     * @param path the file's path as shown in messages, such as {@code sre/tools/oom.yaml}; never {@code null}
     * @param defaultId the file's id when it sets no {@code id:}, such as {@code tools/oom}: the
     *        task's id, or the prefix of its items' ids; never {@code null}
     * @param content the file's text; never {@code null}
     * @return the file and its items
     * @throws TaskFileException when the file is not a valid task file
     */
    public TaskFile load(URI uri, String path, String defaultId, String content) {
        return load(uri, path, defaultId, content, List.of());
    }

    /** @param defaults the folder defaults that apply to the file, outermost first */
    TaskFile load(URI uri, String path, String defaultId, String content, List<TaskLayer> defaults) {
        Objects.requireNonNull(defaultId, "defaultId");
        Objects.requireNonNull(content, "content");
        YamlSource source = new YamlSource(uri, path);
        if (path.endsWith("/_defaults.yml") || path.equals("_defaults.yml")) {
            throw new TaskFileException(source.start(), "folder defaults are read from " + DEFAULTS_FILE_NAME
                    + " only; rename this file to " + DEFAULTS_FILE_NAME);
        }
        Node root = SafeYaml.compose(content, source).orElseThrow(() -> new TaskFileException(source.start(),
                "the file is empty; write a task with at least prompt: and expect:"));
        if (!(root instanceof MappingNode)) {
            throw source.error(root, "the top level of a task file must be a mapping of keys such as prompt: and"
                    + " expect:, was " + YamlNodes.describe(root));
        }
        MappingNode mapping = (MappingNode) root;
        Optional<Node> tasks = key(mapping, "tasks");
        Optional<Node> dataset = key(mapping, "dataset").or(() -> key(mapping, "template"));
        if (tasks.isPresent() && dataset.isPresent()) {
            Node second = tasks.get().getStartMark().getIndex() > dataset.get().getStartMark().getIndex()
                    ? tasks.get() : dataset.get();
            throw source.error(second, "a file holds a task list (tasks:) or a dataset (dataset: and template:),"
                    + " not both; move one of them to a file of its own");
        }
        if (tasks.isPresent()) {
            return TaskListReader.read(mapping, source, defaultId, defaults);
        }
        if (dataset.isPresent()) {
            return DatasetReader.read(mapping, source, defaultId, defaults);
        }
        TaskLayer task = new TaskReader(source).read(mapping, "", TaskReader.TASK_KEYS, defaults);
        String id = task.id().map(Written::value).orElse(defaultId);
        if (id.isBlank()) {
            throw source.error(root, "the task has no id; add id: with a name unique in the suite, such as tools/oom");
        }
        List<TaskLayer> layers = new ArrayList<>(defaults);
        layers.add(task);
        return TaskFile.single(source.start(), TaskAssembler.assemble(layers, id));
    }

    /**
     * Reads a folder's {@value #DEFAULTS_FILE_NAME}: the keys a task list may set at its top
     * ({@code tags}, {@code system}, {@code tools}, {@code trials}, {@code pass}, {@code timeout},
     * {@code expect}), for every task below the folder.
     *
     * @param outer the defaults of the folders above, outermost first
     * @throws TaskFileException when the file is not valid defaults
     */
    TaskLayer loadDefaults(URI uri, String path, String content, List<TaskLayer> outer) {
        YamlSource source = new YamlSource(uri, path);
        Optional<Node> root = SafeYaml.compose(content, source);
        if (root.isEmpty()) {
            return new TaskLayer(source.start(), Optional.empty(), Optional.empty(), List.of(), Optional.empty(),
                    Optional.empty(), List.of(), Optional.empty(), List.of(), Optional.empty(), Optional.empty(),
                    Optional.empty(), List.of(), List.of(), source.start(), Optional.empty(), Optional.empty());
        }
        if (!(root.get() instanceof MappingNode)) {
            throw source.error(root.get(), "the top level of " + DEFAULTS_FILE_NAME + " must be a mapping of defaults"
                    + " such as system: and expect:, was " + YamlNodes.describe(root.get()));
        }
        return new TaskReader(source).read(root.get(), "", TaskReader.DEFAULT_KEYS, outer);
    }

    private static Optional<Node> key(MappingNode mapping, String key) {
        for (NodeTuple entry : mapping.getValue()) {
            if (YamlNodes.keyText(entry).equals(key)) {
                return Optional.of(entry.getKeyNode());
            }
        }
        return Optional.empty();
    }
}
