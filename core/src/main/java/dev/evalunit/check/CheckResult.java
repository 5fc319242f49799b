package dev.evalunit.check;

import org.apiguardian.api.API;

import java.util.Objects;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

/**
 * The outcome of one {@link Check} on one trial.
 *
 * @param label the check's {@link Check#label() label}; never {@code null}
 * @param passed whether it held
 * @param message when failed, what was expected and what was found; when passed, what held;
 *        never {@code null}
 * @since 0.1.0
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record CheckResult(String label, boolean passed, String message) {

    public CheckResult {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(message, "message");
    }

    /** @return a passing result */
    public static CheckResult pass(String label, String message) {
        return new CheckResult(label, true, message);
    }

    /** @return a failing result */
    public static CheckResult fail(String label, String message) {
        return new CheckResult(label, false, message);
    }

    /** @return {@code label: message}, the line a failure report shows */
    @Override
    public String toString() {
        return label + ": " + message;
    }
}
