package dev.evalunit.config;

import org.apiguardian.api.API;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * Typed access to the {@link Constants configuration keys}, over any source of string values
 * (JUnit configuration parameters, system properties, a map in a test).
 *
 * <p>A value that does not parse is an error naming the key, the value and what would be valid,
 * never a silent fallback to the default.
 *
 * @since 0.1.0
 */
@API(status = INTERNAL, since = "0.1.0")
public final class Settings {

    private final Function<String, Optional<String>> source;

    private Settings(Function<String, Optional<String>> source) {
        this.source = source;
    }

    /**
     * @param source looks a key up; never {@code null}
     * @return settings reading from {@code source}
     */
    public static Settings from(Function<String, Optional<String>> source) {
        return new Settings(Objects.requireNonNull(source, "source"));
    }

    /** @return settings read from {@link System#getProperty(String)} */
    public static Settings fromSystemProperties() {
        return from(key -> Optional.ofNullable(System.getProperty(key)));
    }

    /**
     * @param key a key from {@link Constants}
     * @return the trimmed value, empty when unset or blank
     */
    public Optional<String> get(String key) {
        return source.apply(key).map(String::trim).filter(value -> !value.isEmpty());
    }

    /** @return the value of {@code key}, or {@code defaultValue} when unset */
    public String get(String key, String defaultValue) {
        return get(key).orElse(defaultValue);
    }

    /** @return a positive integer read from {@code key}, or {@code defaultValue} when unset */
    public int positiveInt(String key, int defaultValue) {
        Optional<String> value = get(key);
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.get());
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("Configuration " + key + "=" + value.get()
                + " is not a positive integer; set it to a whole number such as " + defaultValue
                + " or remove it to use the default");
    }

    /** @return a duration read from {@code key}, or the parsed {@code defaultValue} when unset */
    public Duration duration(String key, String defaultValue) {
        String value = get(key, defaultValue);
        return Durations.parse(value).orElseThrow(() -> new IllegalArgumentException(
                "Configuration " + key + "=" + value + " is not a duration; " + Durations.EXPECTED));
    }
}
