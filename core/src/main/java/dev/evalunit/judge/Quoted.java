package dev.evalunit.judge;

/**
 * Text as this package's messages show it: quoted, escaped onto one line, and cut to its head and
 * tail when long. The same rendering as the answer checks' messages, so reports read alike.
 */
final class Quoted {

    /** Longest answer or reference shown in full. */
    static final int SHORT = 200;

    /** Longest judge reply shown in full: an error shows the raw reply, which is the evidence. */
    static final int LONG = 2_000;

    private static final String ELLIPSIS = "…";

    private Quoted() {
    }

    /** @return {@code text} quoted and escaped, cut around an ellipsis past {@code maxLength} characters */
    static String of(String text, int maxLength) {
        if (text.length() <= maxLength) {
            return '"' + escape(text) + '"';
        }
        int head = safeCut(text, maxLength / 2);
        int tail = safeCut(text, text.length() - (maxLength - maxLength / 2 - 1));
        return '"' + escape(text.substring(0, head)) + ELLIPSIS + escape(text.substring(tail)) + "\" ("
                + text.length() + " chars)";
    }

    /** @return the answer as messages show it, saying so when it is empty */
    static String answer(String output) {
        return output.isEmpty() ? "\"\" (empty answer)" : of(output, SHORT);
    }

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
                case '"': escaped.append("\\\""); break;
                case '\\': escaped.append("\\\\"); break;
                case '\n': escaped.append("\\n"); break;
                case '\r': escaped.append("\\r"); break;
                case '\t': escaped.append("\\t"); break;
                default:
                    if (Character.isISOControl(c)) {
                        escaped.append(String.format("\\u%04x", (int) c));
                    } else {
                        escaped.append(c);
                    }
            }
        }
        return escaped.toString();
    }
}
