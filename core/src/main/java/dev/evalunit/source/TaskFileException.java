package dev.evalunit.source;

import org.apiguardian.api.API;

import java.util.Objects;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

/**
 * A task file that cannot be used: it does not parse, does not fit the format, or clashes with
 * another file. The message starts with {@code path:line:column} and says what to do.
 *
 * <p>This is not a model failure: the engine reports it as an error of the one file and runs
 * every other task.
 *
 * @since 0.1.0
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class TaskFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient SourcePosition position;
    private final String problem;

    /**
     * @param position where the problem is; never {@code null}
     * @param problem what is wrong and what to do, without the position; never {@code null}
     */
    public TaskFileException(SourcePosition position, String problem) {
        super(position + ": " + problem);
        this.position = Objects.requireNonNull(position, "position");
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    /** @return where the problem is */
    public SourcePosition position() {
        return position;
    }

    /** @return what is wrong, without the position */
    public String problem() {
        return problem;
    }

    /** The message says where and what; a Java stack trace would only bury it in the report. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
