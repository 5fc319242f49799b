package dev.evalunit.check;

import org.apiguardian.api.API;

import java.util.Objects;
import java.util.regex.Pattern;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

/**
 * The checks on a trial's final answer: {@code contains}, {@code not-contains}, {@code equals}
 * and {@code matches}. Their label is {@code output}.
 *
 * <p>A failure message quotes the answer, escaped so that line breaks and quotes are visible; an
 * answer longer than 200 characters is shown as its head and tail around {@code …}, followed by
 * its length. For example: {@code expected to contain "Paris", was "The capital of France is
 * Lyon."}
 *
 * @since 0.1.0
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class OutputChecks {

    /** The label of every check on the answer. */
    static final String LABEL = "output";

    private OutputChecks() {
    }

    /**
     * @param text never {@code null} nor empty
     * @return a check that the answer contains {@code text} (case-sensitive)
     * @throws IllegalArgumentException if {@code text} is empty, which every answer contains
     */
    public static Check contains(String text) {
        return new OutputContains(nonEmpty(text));
    }

    /**
     * @param text never {@code null} nor empty
     * @return a check that the answer does not contain {@code text} (case-sensitive)
     * @throws IllegalArgumentException if {@code text} is empty, which every answer contains
     */
    public static Check notContains(String text) {
        return new OutputNotContains(nonEmpty(text));
    }

    /**
     * @param text never {@code null}; empty to require an empty answer
     * @return a check that the answer is exactly {@code text}
     */
    public static Check equalTo(String text) {
        return new OutputEquals(Objects.requireNonNull(text, "text"));
    }

    /**
     * @param regex never {@code null}
     * @return a check that {@code regex} is found anywhere in the answer
     */
    public static Check matches(Pattern regex) {
        return new OutputMatches(Objects.requireNonNull(regex, "regex"));
    }

    /** @return the answer as failure messages show it, saying so when it is empty */
    static String shown(String output) {
        return output.isEmpty() ? "\"\" (empty answer)" : Excerpt.of(output);
    }

    private static String nonEmpty(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty()) {
            throw new IllegalArgumentException("text must not be empty: every answer contains the empty string");
        }
        return text;
    }
}
