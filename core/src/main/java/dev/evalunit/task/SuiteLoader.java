package dev.evalunit.task;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Loads the task files of a suite, each on its own: a file that cannot be read or is not valid
 * becomes an error of that file and every other file still loads. A task id used twice in the
 * suite is an error of the later file.
 *
 * <p>Safe to share between threads; each {@link #load} call is one suite.
 *
 * @since 0.1.0
 */
public final class SuiteLoader {

    private final TaskFileLoader loader = new TaskFileLoader();

    /**
     * @param documents the suite's files, in the order that decides which of two files with the
     *        same task id loads; never {@code null}
     * @return one outcome per document, in the same order
     */
    public List<LoadedFile> load(List<TaskDocument> documents) {
        Map<String, SourcePosition> ids = new HashMap<>();
        return Objects.requireNonNull(documents, "documents").stream()
                .map(document -> withUniqueIds(loadOne(document), ids))
                .collect(Collectors.toUnmodifiableList());
    }

    private LoadedFile loadOne(TaskDocument document) {
        SourcePosition start = SourcePosition.startOf(document.uri(), document.path());
        String content;
        try {
            content = document.read();
        } catch (IOException e) {
            return LoadedFile.failed(document, new TaskFileException(start,
                    "cannot read the file (" + e + "); check that it exists, is readable and is UTF-8 text"));
        }
        try {
            return LoadedFile.loaded(document, loader.load(document.uri(), document.path(), document.defaultId(), content));
        } catch (TaskFileException e) {
            return LoadedFile.failed(document, e);
        } catch (RuntimeException bug) {
            // One file must not take the suite down, even through a bug of EvalUnit's.
            TaskFileException error = new TaskFileException(start, "EvalUnit failed to load the file (" + bug
                    + "); this is a bug in EvalUnit, please report it with the file");
            error.initCause(bug);
            return LoadedFile.failed(document, error);
        }
    }

    /** @param ids every id of the files loaded so far, and where its task is */
    private static LoadedFile withUniqueIds(LoadedFile loaded, Map<String, SourcePosition> ids) {
        if (loaded.file().isEmpty()) {
            return loaded;
        }
        Map<String, SourcePosition> own = new HashMap<>();
        for (Task task : loaded.file().get().tasks()) {
            SourcePosition first = ids.containsKey(task.id()) ? ids.get(task.id()) : own.get(task.id());
            if (first != null) {
                return LoadedFile.failed(loaded.document(), new TaskFileException(task.source(),
                        "duplicate task id \"" + task.id() + "\": already used by " + first
                                + "; give one of them a different id (the id: key)"));
            }
            own.put(task.id(), task.source());
        }
        ids.putAll(own);
        return loaded;
    }
}
