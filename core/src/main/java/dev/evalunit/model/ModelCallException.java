package dev.evalunit.model;

import org.apiguardian.api.API;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

/**
 * A call to the model under test failed (the endpoint refused, timed out, answered an error).
 * The task could not be scored: it is reported as an error, never as a failure.
 *
 * @since 0.1.0
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class ModelCallException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message which call, to which endpoint
     * @param cause what the client reported
     */
    public ModelCallException(String message, Throwable cause) {
        super(message, cause);
    }
}
