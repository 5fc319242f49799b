package dev.evalunit.sandbox;

import org.apiguardian.api.API;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * No sandbox of the kind asked for can run on this machine; the message says what to install or set.
 *
 * @since 0.1.0
 */
@API(status = INTERNAL, since = "0.1.0")
public final class SandboxUnavailableException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    SandboxUnavailableException(String message) {
        super(message);
    }
}
