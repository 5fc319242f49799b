package dev.evalunit.run;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One-line descriptions of an exception and its causes, for reports: the reader sees every
 * distinct message in the chain ({@code ModelCallException: call 1 failed caused by
 * ConnectException}) without a stack trace.
 */
final class ErrorDescriptions {

    private ErrorDescriptions() {
    }

    static String describe(Throwable error) {
        List<String> parts = new ArrayList<>();
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        String previousMessage = null;
        for (Throwable current = error; current != null && !seen.containsKey(current); current = current.getCause()) {
            seen.put(current, Boolean.TRUE);
            String type = current instanceof RedactedException ? ((RedactedException) current).originalType()
                    : current.getClass().getName();
            String simpleType = type.substring(type.lastIndexOf('.') + 1);
            String message = current.getMessage();
            // Wrappers often repeat their cause ("new RuntimeException(cause)"): print each message once.
            Throwable cause = current.getCause();
            if (message != null && cause != null && cause != current
                    && (message.equals(cause.toString()) || message.equals(cause.getClass().getName()))) {
                continue;
            }
            if (message != null && previousMessage != null && previousMessage.contains(message)) {
                continue;
            }
            parts.add(message == null || message.isBlank() ? simpleType : simpleType + ": " + message.strip());
            previousMessage = message;
        }
        return String.join(", caused by ", parts);
    }
}
