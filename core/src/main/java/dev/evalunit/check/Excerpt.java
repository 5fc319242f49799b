package dev.evalunit.check;

import org.apiguardian.api.API;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * Text as failure messages show it: in double quotes, escaped so that quotes, backslashes and line
 * breaks are visible and the message stays on one line, and abbreviated when long so that one huge
 * answer does not bury the rest of a report.
 *
 * <p>Public so that every EvalUnit package (the judged checks too) renders text the same way; not
 * meant for users.
 *
 * @since 0.1.0
 */
@API(status = INTERNAL, since = "0.1.0")
public final class Excerpt {

    /** Longest text shown in full; longer text keeps its head and tail. */
    static final int MAX_LENGTH = 200;

    private static final String ELLIPSIS = "…";

    private Excerpt() {
    }

    /** @return {@code text} quoted and escaped, never abbreviated; for what the user wrote */
    public static String quote(String text) {
        return '"' + escape(text) + '"';
    }

    /**
     * @return {@code text} quoted, escaped and, when longer than {@value #MAX_LENGTH} characters,
     *         cut to its head and tail around an ellipsis, followed by its full length so the cut is
     *         not mistaken for the text
     */
    public static String of(String text) {
        return of(text, MAX_LENGTH);
    }

    /** @return like {@link #of(String)}, with at most {@code maxLength} characters shown */
    public static String of(String text, int maxLength) {
        if (text.length() <= maxLength) {
            return quote(text);
        }
        return '"' + escape(head(text, maxLength)) + ELLIPSIS + escape(tail(text, maxLength)) + "\" ("
                + text.length() + " chars)";
    }

    /**
     * @return {@code text} as it is when it has at most {@code maxLength} characters, else its head
     *         and tail around an ellipsis; for text shown unquoted, such as tool call arguments
     */
    static String shortened(String text, int maxLength) {
        return text.length() <= maxLength ? text : head(text, maxLength) + ELLIPSIS + tail(text, maxLength);
    }

    private static String head(String text, int maxLength) {
        return text.substring(0, safeCut(text, maxLength / 2));
    }

    /** The ellipsis takes one of the {@code maxLength} characters. */
    private static String tail(String text, int maxLength) {
        return text.substring(safeCut(text, text.length() - (maxLength - maxLength / 2 - 1)));
    }

    /**
     * @return the part of {@code text} around {@code [from, to)}, quoted, with an ellipsis on each
     *         side that was cut; the whole text when it is short
     */
    static String around(String text, int from, int to) {
        if (text.length() <= MAX_LENGTH) {
            return quote(text);
        }
        int context = Math.max(0, (MAX_LENGTH - (to - from)) / 2);
        int start = safeCut(text, Math.max(0, from - context));
        int end = safeCut(text, Math.min(text.length(), to + context));
        return '"' + (start > 0 ? ELLIPSIS : "") + escape(text.substring(start, end))
                + (end < text.length() ? ELLIPSIS : "") + '"';
    }

    /** Moves a cut off the middle of a surrogate pair, which would print as garbage. */
    private static int safeCut(String text, int index) {
        if (index > 0 && index < text.length() && Character.isLowSurrogate(text.charAt(index))
                && Character.isHighSurrogate(text.charAt(index - 1))) {
            return index - 1;
        }
        return index;
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> escaped.append("\\\"");
                case '\\' -> escaped.append("\\\\");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
