package dev.evalunit.run;

import java.util.function.UnaryOperator;

/**
 * A copy of an exception, and of its causes, whose messages went through a redaction: what the
 * engine reports when an endpoint's error may quote the API key. Keeps the original type's name
 * and stack trace, so the report reads like the original.
 */
final class RedactedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String originalType;

    private RedactedException(String originalType, String message, Throwable cause) {
        super(message, cause);
        this.originalType = originalType;
    }

    static Throwable of(Throwable original, UnaryOperator<String> redaction) {
        Throwable cause = original.getCause() == null || original.getCause() == original
                ? null : of(original.getCause(), redaction);
        String message = original.getMessage() == null ? null : redaction.apply(original.getMessage());
        if (message != null && message.equals(original.getMessage()) && cause == original.getCause()) {
            return original;
        }
        RedactedException copy = new RedactedException(original.getClass().getName(), message, cause);
        copy.setStackTrace(original.getStackTrace());
        return copy;
    }

    String originalType() {
        return originalType;
    }

    @Override
    public String toString() {
        String message = getLocalizedMessage();
        return message == null ? originalType : originalType + ": " + message;
    }
}
