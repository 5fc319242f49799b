package dev.evalunit.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.evalunit.source.SourcePosition;
import dev.evalunit.source.TaskFileException;

/**
 * Keeps the ids of items unique: an item whose id is taken becomes a problem of its own, named
 * after its id and its position, so every item stays one test with one unique id.
 */
final class UniqueIds {

    private UniqueIds() {
    }

    /**
     * @param taken the ids used so far, each with where; the items' ids are added
     * @param idKey how an item sets its id, for the message, such as {@code the id: key}
     */
    static List<TaskFile.Item> of(List<TaskFile.Item> items, Map<String, SourcePosition> taken, String idKey) {
        List<TaskFile.Item> unique = new ArrayList<>(items.size());
        for (TaskFile.Item item : items) {
            SourcePosition first = taken.putIfAbsent(item.id(), item.source());
            if (first == null) {
                unique.add(item);
                continue;
            }
            TaskFileException problem = item.problem().orElseGet(() -> new TaskFileException(item.source(),
                    "duplicate task id \"" + item.id() + "\": already used by " + first
                            + "; give one of them a different id (" + idKey + ")"));
            unique.add(new TaskFile.Item(item.id() + " (" + item.source() + ")", item.source(), Optional.empty(),
                    Optional.of(problem)));
        }
        return unique;
    }
}
