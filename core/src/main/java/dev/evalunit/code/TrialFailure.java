package dev.evalunit.code;

/**
 * A code trial stopped by a mistake of the answer (it names no file, it does not compile, its
 * program hangs): the message says which, and the trial fails. Never a fault of the engine.
 */
final class TrialFailure extends Exception {

    private static final long serialVersionUID = 1L;

    TrialFailure(String message) {
        super(message);
    }

    /** The message says it all; a stack trace would only bury it. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
