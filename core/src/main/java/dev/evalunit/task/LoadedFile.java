package dev.evalunit.task;

import org.apiguardian.api.API;

import java.util.Objects;
import java.util.Optional;
import dev.evalunit.source.TaskFileException;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * What loading one task file gave: the file, or the error that makes it unusable.
 *
 * @param document the file as found; never {@code null}
 * @param file the loaded file, when it loaded
 * @param error why it did not, when it did not; exactly one of {@code file} and {@code error} is present
 * @since 0.1.0
 * @see SuiteLoader
 */
@API(status = INTERNAL, since = "0.1.0")
public record LoadedFile(TaskDocument document, Optional<TaskFile> file, Optional<TaskFileException> error) {

    public LoadedFile {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(error, "error");
        if (file.isPresent() == error.isPresent()) {
            throw new IllegalArgumentException("exactly one of file and error must be present");
        }
    }

    /** @return a file that loaded */
    public static LoadedFile loaded(TaskDocument document, TaskFile file) {
        return new LoadedFile(document, Optional.of(file), Optional.empty());
    }

    /** @return a file that did not load */
    public static LoadedFile failed(TaskDocument document, TaskFileException error) {
        return new LoadedFile(document, Optional.empty(), Optional.of(error));
    }
}
