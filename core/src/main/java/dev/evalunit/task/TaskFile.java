package dev.evalunit.task;

import org.apiguardian.api.API;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import dev.evalunit.source.SourcePosition;
import dev.evalunit.source.TaskFileException;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * A task file as loaded: where it is, its form, and its items in file order. A file of one task
 * has one item; a task list or a dataset has one item per task, and an item that could not be
 * read (a broken list item, a malformed row) is an item with a problem, while the others load.
 *
 * @param source the start of the file; never {@code null}
 * @param form how the file holds its tasks; never {@code null}
 * @param id the file's id: the task's id for a file of one task, else the prefix of its items'
 *        ids ({@code <file id>/<item id>}); never {@code null}
 * @param items the items, in file order; never {@code null}
 * @since 0.1.0
 */
@API(status = INTERNAL, since = "0.1.0")
public record TaskFile(SourcePosition source, Form form, String id, List<Item> items) {

    /** How a file holds its tasks. */
    public enum Form {
        /** One task, format v1: the file is the task. */
        SINGLE,
        /** A {@code tasks:} list, each item a task, with defaults at the top. */
        LIST,
        /** A {@code dataset:} of rows, each filling the file's {@code template:}. */
        DATASET
    }

    /**
     * One task of a file, or what keeps it from loading.
     *
     * @param id the task's id, unique within the suite; a problem has the id its task would have
     *        (with its position added when another item has that id); never {@code null}
     * @param source where the task is (a list item's line, a row's line in the dataset), or where
     *        its problem is; never {@code null}
     * @param task the task, when it loaded
     * @param problem why it did not; exactly one of {@code task} and {@code problem} is present
     */
    public record Item(String id, SourcePosition source, Optional<Task> task, Optional<TaskFileException> problem) {

        public Item {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(task, "task");
            Objects.requireNonNull(problem, "problem");
            if (task.isPresent() == problem.isPresent()) {
                throw new IllegalArgumentException("exactly one of task and problem must be present");
            }
        }

        /** @return an item that loaded */
        public static Item of(Task task) {
            return new Item(task.id(), task.source(), Optional.of(task), Optional.empty());
        }

        /** @return an item that did not load */
        public static Item failed(String id, TaskFileException problem) {
            return new Item(id, problem.position(), Optional.empty(), Optional.of(problem));
        }
    }

    public TaskFile {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(id, "id");
        items = List.copyOf(Objects.requireNonNull(items, "items"));
        if (form == Form.SINGLE && (items.size() != 1 || items.get(0).task().isEmpty())) {
            throw new IllegalArgumentException("a file of one task holds exactly one task");
        }
    }

    /** @return a file of one task */
    public static TaskFile single(SourcePosition source, Task task) {
        return new TaskFile(source, Form.SINGLE, task.id(), List.of(Item.of(task)));
    }

    /** @return whether the file holds its tasks as items (a list or a dataset): a container in a test tree */
    public boolean holdsMany() {
        return form != Form.SINGLE;
    }

    /** @return the tasks that loaded, in file order */
    public List<Task> tasks() {
        return items.stream().flatMap(item -> item.task().stream()).toList();
    }
}
