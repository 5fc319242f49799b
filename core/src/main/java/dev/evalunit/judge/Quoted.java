package dev.evalunit.judge;

import dev.evalunit.check.Excerpt;

/**
 * Text as this package's messages show it: quoted, escaped onto one line, and cut to its head and
 * tail when long. The same rendering as the answer checks' messages, so reports read alike.
 */
final class Quoted {

    /** Longest answer or reference shown in full. */
    static final int SHORT = 200;

    /** Longest judge reply shown in full: an error shows the raw reply, which is the evidence. */
    static final int LONG = 2_000;


    private Quoted() {
    }

    /** @return {@code text} quoted and escaped, cut around an ellipsis past {@code maxLength} characters */
    static String of(String text, int maxLength) {
        return Excerpt.of(text, maxLength);
    }

    /** @return the answer as messages show it, saying so when it is empty */
    static String answer(String output) {
        return output.isEmpty() ? "\"\" (empty answer)" : of(output, SHORT);
    }
}
