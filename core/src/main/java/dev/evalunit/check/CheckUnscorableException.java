package dev.evalunit.check;

import org.apiguardian.api.API;

import java.util.Objects;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

/**
 * Thrown by {@link Check#evaluate} when the check cannot say whether the answer is good: its
 * judge model answered garbage twice or its endpoint failed, no judge is configured, the
 * embedding model is missing. The trial is then an error, like an endpoint failure of the model
 * under test, never a pass and never a failure: an outage of the grader is not a low score.
 *
 * <p>A wrong answer is never reported this way: that is a failed {@link CheckResult}.
 *
 * @since 0.1.0
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class CheckUnscorableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String label;

    /**
     * @param label the check's {@link Check#label() label}; never {@code null}
     * @param message why the check could not be scored and what to do, quoting what the grader
     *        said when it said something; never {@code null}
     */
    public CheckUnscorableException(String label, String message) {
        this(label, message, null);
    }

    /**
     * @param label the check's {@link Check#label() label}; never {@code null}
     * @param message why the check could not be scored and what to do; never {@code null}
     * @param cause what failed, such as the judge endpoint's exception; may be {@code null}
     */
    public CheckUnscorableException(String label, String message, Throwable cause) {
        super(Objects.requireNonNull(label, "label") + ": " + Objects.requireNonNull(message, "message"), cause);
        this.label = label;
    }

    /** @return the label of the check that could not be scored */
    public String label() {
        return label;
    }
}
