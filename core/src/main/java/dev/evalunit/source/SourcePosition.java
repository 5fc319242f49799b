package dev.evalunit.source;

import org.apiguardian.api.API;

import java.net.URI;
import java.util.Objects;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

/**
 * A place in a task file: what error messages print as {@code path:line:column} and what IDEs
 * open when a test is clicked.
 *
 * @param uri where the file is ({@code file:} on disk, {@code jar:} inside an archive); never {@code null}
 * @param path the file's path as a user would recognise it, e.g. {@code src/test/resources/sre/tools/oom.yaml}
 *        or the classpath location {@code sre/tools/oom.yaml}; never {@code null}
 * @param line 1-based line
 * @param column 1-based column
 * @since 0.1.0
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record SourcePosition(URI uri, String path, int line, int column) {

    public SourcePosition {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(path, "path");
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
        }
    }

    /** @return the start of the file at {@code uri} */
    public static SourcePosition startOf(URI uri, String path) {
        return new SourcePosition(uri, path, 1, 1);
    }

    /** @return the same file at another line and column */
    public SourcePosition at(int newLine, int newColumn) {
        return new SourcePosition(uri, path, newLine, newColumn);
    }

    /** @return {@code path:line:column} */
    @Override
    public String toString() {
        return path + ":" + line + ":" + column;
    }
}
