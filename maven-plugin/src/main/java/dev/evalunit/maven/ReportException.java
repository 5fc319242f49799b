package dev.evalunit.maven;

/** Results that are missing, unreadable or cannot be merged: never a pass. */
final class ReportException extends Exception {

    private static final long serialVersionUID = 1L;

    ReportException(String message) {
        super(message);
    }

    ReportException(String message, Throwable cause) {
        super(message, cause);
    }
}
