package dev.evalunit.code;

import org.apiguardian.api.API;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * One process of a code task's run: a Java main class started in a JVM of its own, a jar started
 * with {@code java -jar}, or a command of the task's own (such as a {@code python3} peer).
 *
 * @param name the process's name in messages, such as {@code server}; never {@code null}
 * @param mainClass the class whose {@code main} runs, such as {@code shop.Server}; empty when the
 *        process starts from {@code jar} or {@code command}; never {@code null}
 * @param args its arguments, each of which may hold {@code ${PORT_NAME}} placeholders; never {@code null}
 * @param env environment variables on top of the run's, values with placeholders; never {@code null}
 * @param ready when present, the process is a service: it is ready once it prints a line that
 *        contains this text, runs until every other process has finished, and is then stopped;
 *        when empty, it must exit by itself before the next process starts
 * @param jvmOptions options of its JVM before the main class ({@code jvm-options}), such as
 *        {@code -Dshop.mode=test}; placeholders as in {@code args}; never {@code null}
 * @param jar the jar its JVM starts with {@code -jar} ({@code jar:}, a library of {@code run.libraries}),
 *        instead of a main class on the program's class path
 * @param command a command line of the task's own ({@code command:}), run instead of a JVM: the
 *        executable first, placeholders as in {@code args}; empty for a JVM process; never {@code null}
 * @since 0.1.0
 */
@API(status = INTERNAL, since = "0.1.0")
public record ProcessSpec(String name, String mainClass, List<String> args, Map<String, String> env,
                          Optional<String> ready, List<String> jvmOptions, Optional<Path> jar,
                          List<String> command) {

    public ProcessSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mainClass, "mainClass");
        args = List.copyOf(Objects.requireNonNull(args, "args"));
        env = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(env, "env")));
        Objects.requireNonNull(ready, "ready");
        jvmOptions = List.copyOf(Objects.requireNonNull(jvmOptions, "jvmOptions"));
        Objects.requireNonNull(jar, "jar");
        command = List.copyOf(Objects.requireNonNull(command, "command"));
        int launches = (mainClass.isEmpty() ? 0 : 1) + (jar.isPresent() ? 1 : 0) + (command.isEmpty() ? 0 : 1);
        if (launches != 1) {
            throw new IllegalArgumentException("process " + name + " needs exactly one of a main class, a jar and a"
                    + " command");
        }
        if (!command.isEmpty() && !jvmOptions.isEmpty()) {
            throw new IllegalArgumentException("process " + name + " runs a command, which takes no JVM options");
        }
    }

    /** A JVM process of a main class with the task's JVM options. */
    public ProcessSpec(String name, String mainClass, List<String> args, Map<String, String> env,
                       Optional<String> ready, List<String> jvmOptions) {
        this(name, mainClass, args, env, ready, jvmOptions, Optional.empty(), List.of());
    }

    /** A process with the engine's JVM options only. */
    public ProcessSpec(String name, String mainClass, List<String> args, Map<String, String> env,
                       Optional<String> ready) {
        this(name, mainClass, args, env, ready, List.of());
    }

    /** @return whether the process is a service, stopped by the engine once the others finished */
    public boolean isService() {
        return ready.isPresent();
    }
}
