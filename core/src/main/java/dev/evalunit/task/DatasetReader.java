package dev.evalunit.task;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import dev.evalunit.source.SourcePosition;
import dev.evalunit.source.TaskFileException;
import dev.evalunit.source.YamlSource;
import dev.evalunit.source.YamlNodes;
import dev.evalunit.source.YamlMapping;
import dev.evalunit.source.DidYouMean;

/**
 * Reads a dataset file: {@code dataset:} (JSON Lines or CSV, relative to the file) and
 * {@code template:}, a task of format v1 whose {@code {{column}}} placeholders each row fills.
 * Each row is a task with the id {@code <file id>/<row id>} and its row's line as source.
 *
 * <p>A row that cannot be read, lacks a column the template uses, or fills a value the template
 * cannot take is a problem of that row; the other rows load. A mistake of the template itself
 * (anywhere no placeholder fills), a placeholder that names no column, and a dataset that cannot
 * be read are problems of the file, reported once.
 */
final class DatasetReader {

    /** The keys of a dataset file. */
    static final List<String> KEYS = List.of("id", "dataset", "template");

    private final YamlSource source;
    private final String fileId;
    private final List<TaskLayer> defaults;
    private final DatasetLocation location;
    private final DatasetFormat format;
    private final DatasetTemplate template;
    private final ReadCache cache;
    private final Node datasetNode;
    private final List<TaskFile.Item> items = new ArrayList<>();
    private final Set<String> columnsSeen = new LinkedHashSet<>();
    private int rows;

    private DatasetReader(YamlSource source, String fileId, List<TaskLayer> defaults, Node datasetNode,
            DatasetLocation location, DatasetFormat format, DatasetTemplate template) {
        this.source = source;
        this.datasetNode = datasetNode;
        this.fileId = fileId;
        this.defaults = defaults;
        this.location = location;
        this.format = format;
        this.template = template;
        this.cache = new ReadCache(template.shared());
    }

    static TaskFile read(MappingNode root, YamlSource source, String defaultId, List<TaskLayer> defaults) {
        YamlMapping file = YamlMapping.of(root, "", "a mapping", KEYS, source);
        String fileId = file.nonEmptyText("id").orElse(defaultId);
        Node datasetNode = file.required("dataset", "the file has a template: but no dataset:; add dataset: with the"
                + " path of a JSON Lines (.jsonl) or CSV (.csv) file, relative to this file");
        Node templateNode = file.required("template", "the file has a dataset: but no template:; add template: with"
                + " the task each row fills, such as {prompt: \"{{question}}\", expect: {output: [contains: \"{{answer}}\"]}}");
        String relative = YamlNodes.nonEmptyText(datasetNode, "dataset", source);
        DatasetLocation location = DatasetLocation.resolve(source.start().uri(), source.start().path(), relative)
                .orElseThrow(() -> source.error(datasetNode, "dataset \"" + relative + "\" is not a relative path;"
                        + " write the path of the dataset relative to this file, such as incidents.jsonl"));
        DatasetFormat format = location.format().orElseThrow(() -> source.error(datasetNode, "dataset \"" + relative
                + "\" is neither JSON Lines nor CSV; name a .jsonl file (one JSON object a line) or a .csv file"
                + " (with a header)"));
        YamlMapping templateKeys = YamlMapping.of(templateNode, "template", "a mapping holding a task, such as"
                + " {prompt: \"{{question}}\", expect: {output: [contains: \"{{answer}}\"]}}", withId(), source);
        templateKeys.key("id").ifPresent(key -> {
            throw source.error(key, "template.id is not allowed: each row's id is its id column, else its row"
                    + " number; remove id: from the template (the file's own id: sets the prefix of the rows' ids)");
        });
        return new DatasetReader(source, fileId, defaults, datasetNode, location, format,
                DatasetTemplate.of(templateNode, source)).readRows();
    }

    /** The template's keys and id, so that an id: gets a message of its own rather than "unknown key". */
    private static List<String> withId() {
        List<String> keys = new ArrayList<>(TaskReader.TEMPLATE_KEYS);
        keys.add(0, "id");
        return keys;
    }

    private TaskFile readRows() {
        try (Reader reader = location.open()) {
            format.read(reader, location, new DatasetFormat.Rows() {
                @Override
                public void columns(List<String> names, SourcePosition header) {
                    checkHeader(names, header);
                }

                @Override
                public void row(DatasetRow row) {
                    rows++;
                    if (!format.textOnly()) {
                        columnsSeen.addAll(row.columns().keySet());
                    }
                    items.add(task(row));
                }

                @Override
                public void problem(int number, String id, SourcePosition at, String problem) {
                    rows++;
                    items.add(TaskFile.Item.failed(fileId + "/" + (id != null ? id : Integer.toString(number)),
                            new TaskFileException(at, problem)));
                }
            });
        } catch (IOException e) {
            throw source.error(datasetNode, "cannot read the dataset " + location.path() + " at " + location.tried()
                    + " (" + e + "); check that the file exists at that path, relative to this file, and is UTF-8 text");
        }
        if (rows == 0) {
            throw source.error(datasetNode, "the dataset " + location.path() + " has no rows; add at least one"
                    + (format.textOnly() ? " line after the header" : " JSON object, one a line"));
        }
        if (!format.textOnly() && !columnsSeen.isEmpty()) {
            // With no row read, there are no columns to know: each row's own problem says more.
            checkColumns(columnsSeen, "no row of " + location.path() + " has a");
        }
        return new TaskFile(source.start(), TaskFile.Form.DATASET, fileId,
                UniqueIds.of(items, new HashMap<>(), "the id column of the row"));
    }

    private void checkHeader(List<String> names, SourcePosition header) {
        Set<String> unique = new LinkedHashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name.isBlank()) {
                throw new TaskFileException(header, "column " + (i + 1) + " of the header has no name; name every"
                        + " column, such as id,summary,severity");
            }
            if (!unique.add(name)) {
                throw new TaskFileException(header, "the header names column \"" + name + "\" twice; give every"
                        + " column a name of its own");
            }
        }
        columnsSeen.addAll(unique);
        checkColumns(unique, location.path() + " has no");
    }

    /** A placeholder that names no column is a mistake of the template, whatever the rows hold. */
    private void checkColumns(Set<String> columns, String whose) {
        for (Map.Entry<String, SourcePosition> used : template.columns().entrySet()) {
            if (!columns.contains(used.getKey())) {
                throw new TaskFileException(used.getValue(), "the placeholder {{" + used.getKey() + "}} names no column: "
                        + whose + " column \"" + used.getKey() + "\""
                        + DidYouMean.closest(used.getKey(), columns).map(match -> "; did you mean \"" + match + "\"?")
                        .orElse(".")
                        + " Columns: " + String.join(", ", columns));
            }
        }
    }

    private TaskFile.Item task(DatasetRow row) {
        String id = fileId + "/" + row.id();
        // A loop, not a stream: this runs once a row, mostly before the JIT has compiled it.
        List<String> missing = new ArrayList<>(0);
        for (String column : template.columns().keySet()) {
            if (!row.columns().containsKey(column)) {
                missing.add(column);
            }
        }
        if (!missing.isEmpty()) {
            return TaskFile.Item.failed(id, new TaskFileException(row.at(), "the row has no "
                    + missing.stream().map(column -> "\"" + column + "\"").collect(Collectors.joining(", "))
                    + ", which the template uses (at " + template.columns().get(missing.get(0)) + "); add "
                    + (missing.size() == 1 ? "it" : "them") + " to the row"));
        }
        try {
            Node filled = template.fill(row, format.textOnly());
            // A source of its own per row: the budget of expanded nodes is each row's, not the file's.
            YamlSource rowSource = new YamlSource(source.start().uri(), source.start().path());
            TaskLayer layer = new TaskReader(rowSource, cache).read(filled, "template", TaskReader.TEMPLATE_KEYS, defaults);
            List<TaskLayer> layers = new ArrayList<>(defaults);
            layers.add(layer);
            return TaskFile.Item.of(TaskAssembler.assemble(layers, id, row.at()));
        } catch (TaskFileException e) {
            if (e.position().uri().equals(location.uri())) {
                return TaskFile.Item.failed(id, e);
            }
            List<String> columns = template.columnsAt(e.position());
            if (columns.isEmpty()) {
                throw e; // the template is wrong where no row fills it: once, for the file
            }
            return TaskFile.Item.failed(id, new TaskFileException(row.at(), e.problem() + " (the value of "
                    + columns.stream().map(column -> "\"" + column + "\"").collect(Collectors.joining(" and "))
                    + " in this row, filled into the template at " + e.position() + ")"));
        }
    }
}
