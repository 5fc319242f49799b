package dev.evalunit.model;

import dev.evalunit.config.Constants;
import dev.evalunit.config.Durations;

import java.time.Duration;

/** A model call that got no answer within {@code evalunit.call-timeout}: a transient fault, retried. */
final class CallTimeoutException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    CallTimeoutException(Duration bound) {
        super("no answer within " + Constants.CALL_TIMEOUT_PROPERTY_NAME + "=" + Durations.format(bound));
    }
}
