package dev.evalunit.report;

import org.apiguardian.api.API;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

/**
 * A results file or summary that cannot be read: its message names the file, the line where there
 * is one, and what is wrong, e.g. {@code target/evalunit/results.jsonl:3: "status" must be one of
 * passed, failed, error, was "ok"}.
 *
 * @since 0.1.0
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class ResultsFileException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int line;

    /**
     * @param file the file; never {@code null}
     * @param line the 1-based line, or 0 when the problem is with the whole file
     * @param problem what is wrong; never {@code null}
     * @param cause the parser's exception, if any
     */
    public ResultsFileException(Path file, int line, String problem, Throwable cause) {
        super(Objects.requireNonNull(file, "file") + (line > 0 ? ":" + line : "") + ": "
                + Objects.requireNonNull(problem, "problem"), cause);
        this.file = file;
        this.line = line;
    }

    /** @return the file that cannot be read */
    public Path file() {
        return file;
    }

    /** @return the 1-based line of the problem, or 0 when it concerns the whole file */
    public int line() {
        return line;
    }
}
