package dev.evalunit.task;

import org.apiguardian.api.API;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import dev.evalunit.source.SourcePosition;
import dev.evalunit.source.TaskFileException;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * Loads the task files of a suite, each on its own: a file that cannot be read or is not valid
 * becomes an error of that file and every other file still loads. A task id used twice in the
 * suite is an error of the later one: of the later file when it holds one task, of the later item
 * when it is a task list or a dataset.
 *
 * <p>Each folder's {@code _defaults.yaml} is read once. When it is broken, its error is reported
 * once, as an error of that file, and the task files below it are left out: run without their
 * defaults they would not be the tasks their authors wrote.
 *
 * <p>Safe to share between threads; each {@link #load} call is one suite.
 *
 * @since 0.1.0
 */
@API(status = INTERNAL, since = "0.1.0")
public final class SuiteLoader {

    private final TaskFileLoader loader = new TaskFileLoader();
    private final int parallelFrom;

    /** A loader that loads a suite of {@value ParallelLoad#PARALLEL_FROM} files or more on every processor. */
    public SuiteLoader() {
        this(ParallelLoad.PARALLEL_FROM);
    }

    /** @param parallelFrom from how many files a suite loads on every processor (tests make it small) */
    SuiteLoader(int parallelFrom) {
        this.parallelFrom = parallelFrom;
    }

    /**
     * @param documents the suite's files, in the order that decides which of two tasks with the
     *        same id loads; never {@code null}
     * @return one outcome per document, in the same order, except that a broken folder defaults
     *         file takes the place of the first file below it and the others below it are left out
     */
    public List<LoadedFile> load(List<TaskDocument> documents) {
        Map<String, Defaults> defaults = new HashMap<>();
        List<Defaults> chains = new ArrayList<>();
        for (TaskDocument document : Objects.requireNonNull(documents, "documents")) {
            chains.add(defaults(document.defaults(), defaults));
        }
        LoadedFile[] files = new LoadedFile[documents.size()];
        ParallelLoad.forEach(documents.size(), parallelFrom, i -> {
            if (chains.get(i).error().isEmpty()) {
                files[i] = loadOne(documents.get(i), chains.get(i).layers());
            }
        });
        // In the suite's order: which of two tasks with one id is the duplicate depends on it.
        Map<String, SourcePosition> ids = new HashMap<>();
        Set<String> reported = new HashSet<>();
        List<LoadedFile> loaded = new ArrayList<>();
        for (int i = 0; i < files.length; i++) {
            Optional<LoadedFile> broken = chains.get(i).error();
            if (broken.isPresent()) {
                if (reported.add(broken.get().document().uri().toString())) {
                    loaded.add(broken.get());
                }
                continue;
            }
            loaded.add(withUniqueIds(files[i], ids));
        }
        return List.copyOf(loaded);
    }

    /** The layers of a chain of folder defaults, or the first broken file in it. */
    private record Defaults(List<TaskLayer> layers, Optional<LoadedFile> error) {
    }

    /** @param known every chain read so far, by the uri of its nearest file */
    private Defaults defaults(List<TaskDocument> chain, Map<String, Defaults> known) {
        if (chain.isEmpty()) {
            return new Defaults(List.of(), Optional.empty());
        }
        TaskDocument nearest = chain.get(chain.size() - 1);
        Defaults cached = known.get(nearest.uri().toString());
        if (cached != null) {
            return cached;
        }
        Defaults outer = defaults(chain.subList(0, chain.size() - 1), known);
        Defaults result = outer;
        if (outer.error().isEmpty()) {
            try {
                TaskLayer layer = loader.loadDefaults(nearest.uri(), nearest.path(), read(nearest), outer.layers());
                List<TaskLayer> layers = new ArrayList<>(outer.layers());
                layers.add(layer);
                result = new Defaults(List.copyOf(layers), Optional.empty());
            } catch (TaskFileException e) {
                result = new Defaults(List.of(), Optional.of(LoadedFile.failed(nearest, new TaskFileException(
                        e.position(), e.problem() + " (the tasks below this folder are not loaded until it is fixed)"))));
            } catch (RuntimeException bug) {
                result = new Defaults(List.of(), Optional.of(LoadedFile.failed(nearest, bug(nearest, bug))));
            }
        }
        known.put(nearest.uri().toString(), result);
        return result;
    }

    private LoadedFile loadOne(TaskDocument document, List<TaskLayer> defaults) {
        try {
            return LoadedFile.loaded(document, loader.load(document.uri(), document.path(), document.defaultId(),
                    read(document), defaults));
        } catch (TaskFileException e) {
            return LoadedFile.failed(document, e);
        } catch (RuntimeException bug) {
            return LoadedFile.failed(document, bug(document, bug));
        }
    }

    /** @throws TaskFileException when the file cannot be read */
    private static String read(TaskDocument document) {
        try {
            return document.read();
        } catch (IOException e) {
            throw new TaskFileException(SourcePosition.startOf(document.uri(), document.path()),
                    "cannot read the file (" + e + "); check that it exists, is readable and is UTF-8 text");
        }
    }

    /** One file must not take the suite down, even through a bug of EvalUnit's. */
    private static TaskFileException bug(TaskDocument document, RuntimeException bug) {
        TaskFileException error = new TaskFileException(SourcePosition.startOf(document.uri(), document.path()),
                "EvalUnit failed to load the file (" + bug + "); this is a bug in EvalUnit, please report it with the file");
        error.initCause(bug);
        return error;
    }

    /** @param ids every id of the files loaded so far, and where its task is */
    private static LoadedFile withUniqueIds(LoadedFile loaded, Map<String, SourcePosition> ids) {
        if (loaded.file().isEmpty()) {
            return loaded;
        }
        TaskFile file = loaded.file().get();
        if (file.holdsMany()) {
            return LoadedFile.loaded(loaded.document(), new TaskFile(file.source(), file.form(), file.id(),
                    UniqueIds.of(file.items(), ids, file.form() == TaskFile.Form.DATASET
                            ? "the id column of the row" : "the id: key of the item")));
        }
        Task task = file.tasks().get(0);
        SourcePosition first = ids.putIfAbsent(task.id(), task.source());
        if (first != null) {
            return LoadedFile.failed(loaded.document(), new TaskFileException(task.source(),
                    "duplicate task id \"" + task.id() + "\": already used by " + first
                            + "; give one of them a different id (the id: key)"));
        }
        return loaded;
    }
}
