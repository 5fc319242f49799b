package dev.evalunit.task;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * Reads the text of a task file into a {@link TaskFile}, or fails with a
 * {@link TaskFileException} whose message is {@code path:line:column: what is wrong and what to do}.
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
public final class TaskFileLoader {

    /**
     * @param uri where the file is, for {@link SourcePosition#uri()}; never {@code null}
     * @param path the file's path as shown in messages, such as {@code sre/tools/oom.yaml}; never {@code null}
     * @param defaultId the task's id when the file sets no {@code id:}, such as {@code tools/oom};
     *        never {@code null}
     * @param content the file's text; never {@code null}
     * @return the file and its tasks (one per file in format v1)
     * @throws TaskFileException when the file is not a valid task file
     */
    public TaskFile load(URI uri, String path, String defaultId, String content) {
        Objects.requireNonNull(defaultId, "defaultId");
        Objects.requireNonNull(content, "content");
        YamlSource source = new YamlSource(uri, path);
        Node root = SafeYaml.compose(content, source).orElseThrow(() -> new TaskFileException(source.start(),
                "the file is empty; write a task with at least prompt: and expect:"));
        if (!(root instanceof MappingNode)) {
            throw source.error(root, "the top level of a task file must be a mapping of keys such as prompt: and"
                    + " expect:, was " + YamlNodes.describe(root));
        }
        return new TaskFile(source.start(), List.of(new TaskReader(source).read((MappingNode) root, defaultId)));
    }
}
