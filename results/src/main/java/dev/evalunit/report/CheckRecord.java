package dev.evalunit.report;

import org.apiguardian.api.API;

import java.util.Objects;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

/**
 * One check's outcome in a trial, as a results file holds it.
 *
 * @param check the check's label, e.g. {@code output} or {@code spans[0] "execute_tool get_*"}; never {@code null}
 * @param passed whether it held
 * @param message what held, or what was expected and what was found; never {@code null}
 * @since 0.1.0
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record CheckRecord(String check, boolean passed, String message) {

    public CheckRecord {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(message, "message");
    }
}
