package dev.evalunit.model;

import org.apiguardian.api.API;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

/**
 * No model is wired for a suite: neither a {@code @ModelUnderTest} member nor
 * {@code evalunit.model}. Its message says how to wire one.
 *
 * @since 0.1.0
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class ModelNotConfiguredException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param howToWire what the user should do */
    public ModelNotConfiguredException(String howToWire) {
        super(howToWire);
    }

    /** The message says where and what; a Java stack trace would only bury it in the report. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
