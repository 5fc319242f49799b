package dev.evalunit.check;

import org.apiguardian.api.API;

import java.util.Objects;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

/**
 * A span-name pattern: an exact name, or a glob where {@code *} matches any run of characters and
 * {@code ?} one character. Case-sensitive.
 *
 * <p>Every other character, regex metacharacters included, stands for itself: span names such as
 * {@code chat gpt-4o (retry)} need no escaping.
 *
 * @param pattern as written; never {@code null}
 * @since 0.1.0
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record Glob(String pattern) {

    public Glob {
        Objects.requireNonNull(pattern, "pattern");
    }

    /**
     * @param name never {@code null}
     * @return whether {@code name} matches the whole pattern
     */
    public boolean matches(String name) {
        Objects.requireNonNull(name, "name");
        // Matched directly rather than through a regex: nothing to escape, nothing to cache, and
        // the backtracking is bounded by the last star, so it stays linear in practice.
        int[] glob = pattern.codePoints().toArray();
        int[] text = name.codePoints().toArray();
        int g = 0;
        int t = 0;
        int lastStar = -1;
        int textAtLastStar = 0;
        while (t < text.length) {
            if (g < glob.length && (glob[g] == '?' || (glob[g] != '*' && glob[g] == text[t]))) {
                g++;
                t++;
            } else if (g < glob.length && glob[g] == '*') {
                lastStar = g++;
                textAtLastStar = t;
            } else if (lastStar >= 0) {
                // Let the last star swallow one more character and retry from there.
                g = lastStar + 1;
                t = ++textAtLastStar;
            } else {
                return false;
            }
        }
        while (g < glob.length && glob[g] == '*') {
            g++;
        }
        return g == glob.length;
    }

    /** @return the pattern in double quotes */
    @Override
    public String toString() {
        return '"' + pattern + '"';
    }
}
