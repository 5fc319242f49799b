package dev.evalunit.report;

import org.apiguardian.api.API;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

/**
 * A task's verdict. Errors are kept apart from failures: an outage must not read as a low score.
 *
 * @since 0.1.0
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public enum TaskOutcome {
    /** Enough trials passed. */
    PASSED,
    /** Scored, and too few trials passed. */
    FAILED,
    /** Could not be scored: something outside the model's answer broke. */
    ERROR
}
