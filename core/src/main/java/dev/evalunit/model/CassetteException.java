package dev.evalunit.model;

/**
 * A replay that cannot answer (no recording, or the task changed since it was recorded), or a
 * recording that cannot be written. The message names the task, trial and call, and the command
 * that records it; a stack trace would only bury it.
 */
final class CassetteException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    CassetteException(String message) {
        super(message);
    }

    CassetteException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
