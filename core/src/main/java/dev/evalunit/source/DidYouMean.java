package dev.evalunit.source;

import org.apiguardian.api.API;

import static org.apiguardian.api.API.Status.INTERNAL;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Suggests the intended word for a misspelt key or value, by small edit distance. */
@API(status = INTERNAL, since = "0.2.0")
public final class DidYouMean {

    private DidYouMean() {
    }

    /**
     * @return e.g. {@code unknown key "expct"; did you mean "expect"? Allowed here: id, title, ...},
     *         or without the question when no candidate is close
     */
    public static String unknown(String what, String word, Collection<String> candidates, String candidatesLabel) {
        return "unknown " + what + " \"" + word + "\""
                + closest(word, candidates).map(match -> "; did you mean \"" + match + "\"?").orElse(".")
                + " " + candidatesLabel + ": " + String.join(", ", candidates);
    }

    /** @return the first candidate within a few edits of {@code word}, ignoring case */
    public static Optional<String> closest(String word, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            if (Math.abs(word.length() - candidate.length()) > tolerance(candidate)) {
                continue; // too far apart anyway, and a huge word must not cost a huge table
            }
            int distance = distance(word.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (distance <= tolerance(candidate) && distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Short words tolerate fewer edits, or every two-letter key would suggest every other. */
    private static int tolerance(String candidate) {
        return candidate.length() <= 3 ? 1 : candidate.length() <= 6 ? 2 : 3;
    }

    /** Edits between two words, a swap of neighbours counting as one (optimal string alignment). */
    public static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
