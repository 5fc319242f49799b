package dev.evalunit.task;

import dev.evalunit.check.Check;
import dev.evalunit.check.OutputChecks;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Function;

/**
 * Every kind of check a task file may list under {@code expect.output}, by key: EvalUnit's answer
 * checks, then every {@link CheckKind} on the class path ({@code judge} and {@code similar} from
 * {@code dev.evalunit.judge}, and any of the user's own), found once with {@link ServiceLoader}.
 */
final class CheckKinds {

    private CheckKinds() {
    }

    /** @return every kind, in the order error messages list them */
    static Map<String, CheckKind> all() {
        return Loaded.KINDS;
    }

    /** Loaded on first use, so a class path problem surfaces as the first task file's error, once. */
    private static final class Loaded {
        static final Map<String, CheckKind> KINDS = load();
    }

    private static Map<String, CheckKind> load() {
        Map<String, CheckKind> kinds = new LinkedHashMap<>();
        for (CheckKind kind : builtIn()) {
            kinds.put(kind.key(), kind);
        }
        ClassLoader loader = Objects.requireNonNullElse(Thread.currentThread().getContextClassLoader(),
                CheckKinds.class.getClassLoader());
        try {
            for (CheckKind kind : ServiceLoader.load(CheckKind.class, loader)) {
                String key = kind.key();
                if (key == null || key.isBlank()) {
                    throw new IllegalStateException("the check kind " + kind.getClass().getName()
                            + " has no key; return the key task files write it with from key()");
                }
                CheckKind taken = kinds.putIfAbsent(key, kind);
                if (taken != null && taken.getClass() != kind.getClass()) {
                    throw new IllegalStateException("two check kinds use the key \"" + key + "\": "
                            + taken.getClass().getName() + " and " + kind.getClass().getName()
                            + "; rename one of them, or remove one from META-INF/services/" + CheckKind.class.getName());
                }
            }
        } catch (ServiceConfigurationError e) {
            throw new IllegalStateException("a check kind named in META-INF/services/" + CheckKind.class.getName()
                    + " cannot be loaded: " + e.getMessage(), e);
        }
        return Collections.unmodifiableMap(kinds);
    }

    private static List<CheckKind> builtIn() {
        return List.of(
                of("contains", value -> OutputChecks.contains(value.text())),
                of("not-contains", value -> OutputChecks.notContains(value.text())),
                of("equals", value -> OutputChecks.equalTo(value.text())),
                of("matches", value -> OutputChecks.matches(CheckValues.pattern(value.node(), value.name(), value.source()))));
    }

    private static CheckKind of(String key, Function<CheckValue, Check> read) {
        return new CheckKind() {
            @Override
            public String key() {
                return key;
            }

            @Override
            public Check read(CheckValue value) {
                return read.apply(value);
            }
        };
    }
}
