package dev.evalunit.config;

import org.apiguardian.api.API;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * Parses the short durations used in task files and configuration: {@code 1500ms}, {@code 90s},
 * {@code 5m}, {@code 1h}.
 *
 * @since 0.1.0
 */
@API(status = INTERNAL, since = "0.1.0")
public final class Durations {

    /** What a valid duration looks like, for error messages. */
    public static final String EXPECTED = "write a positive number followed by ms, s, m or h, such as 90s or 5m";

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

    private Durations() {
    }

    /**
     * @param text such as {@code 90s}; never {@code null}
     * @return the duration, or empty when {@code text} is not a positive duration
     */
    public static Optional<Duration> parse(String text) {
        Matcher matcher = DURATION.matcher(text.trim());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        long amount;
        try {
            amount = Long.parseLong(matcher.group(1));
        } catch (NumberFormatException tooLarge) {
            return Optional.empty();
        }
        if (amount <= 0) {
            return Optional.empty();
        }
        switch (matcher.group(2)) {
            case "ms": return Optional.of(Duration.ofMillis(amount));
            case "s": return Optional.of(Duration.ofSeconds(amount));
            case "m": return Optional.of(Duration.ofMinutes(amount));
            default: return Optional.of(Duration.ofHours(amount));
        }
    }

    /** @return {@code duration} as it would be written in a task file, e.g. {@code 60s} */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 3_600_000 == 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0 && millis >= 600_000) {
            return millis / 60_000 + "m";
        }
        if (millis % 1000 == 0) {
            return millis / 1000 + "s";
        }
        return millis + "ms";
    }
}
