package dev.evalunit.junit;

import org.apiguardian.api.API;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

/**
 * Thrown by {@link EvalAssertions}' assertions when a trial or a task could not be scored (the
 * endpoint was down, the agent threw, the oracle had no reference). It is not an
 * {@link AssertionError}, so JUnit reports an error, not a failure, as the engine does for a task
 * file: an outage is not a low score. The cause is the trial's own error.
 *
 * @since 0.1.0
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class NotScoredException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    NotScoredException(String message, Throwable cause) {
        super(message, cause);
    }
}
