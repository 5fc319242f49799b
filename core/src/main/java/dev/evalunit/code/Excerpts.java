package dev.evalunit.code;

/** Bounded excerpts of a program's text for messages: on one line, cut with a mark. */
final class Excerpts {

    private Excerpts() {
    }

    /** @return {@code text} on one line, at most {@code max} characters of it, marked where cut */
    static String cut(String text, int max) {
        String line = text.strip().replace("\r", "").replace("\n", " / ");
        if (line.length() <= max) {
            return line;
        }
        int end = Character.isHighSurrogate(line.charAt(max - 1)) ? max - 1 : max;
        return line.substring(0, end) + "…";
    }

    /** @return the last {@code max} characters of {@code text}, quoted on one line */
    static String quote(String text, int max) {
        if (text.isBlank()) {
            return "nothing";
        }
        String tail = text.length() <= max ? text : "…" + text.substring(text.length() - max);
        return "\"" + tail.strip().replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", "")
                .replace("\n", "\\n") + "\"";
    }
}
