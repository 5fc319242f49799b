package dev.evalunit.task;

import dev.evalunit.check.Check;
import org.apiguardian.api.API;
import dev.evalunit.source.TaskFileException;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

/**
 * A kind of check that task files may list under {@code expect.output}, such as
 * {@code - contains: OOM}: the key it is written with, and how its value becomes a {@link Check}.
 *
 * <p>EvalUnit's own kinds ({@code contains}, {@code not-contains}, {@code equals}, {@code matches},
 * {@code judge}, {@code similar}) are registered this way, and so is a kind of your own: implement
 * this interface with a public no-argument constructor and name the class in
 * {@code META-INF/services/dev.evalunit.task.CheckKind} on the test classpath. The task loader finds
 * every kind with {@link java.util.ServiceLoader}; two kinds with one key are refused when the first
 * task file loads. See {@code examples/.../checks/MaxWordsCheckKind.java}.
 *
 * @since 0.2.0
 */
@API(status = EXPERIMENTAL, since = "0.2.0")
public interface CheckKind {

    /** @return the key the check is written with, such as {@code max-words}; never {@code null} or blank */
    String key();

    /**
     * Reads the value written after the key.
     *
     * @param value the value, with its position in the task file; never {@code null}
     * @return the check; never {@code null}
     * @throws dev.evalunit.source.TaskFileException from {@link CheckValue#error(String)} when the value
     *         is not one this kind accepts, so the message names the file, line and column
     */
    Check read(CheckValue value);
}
