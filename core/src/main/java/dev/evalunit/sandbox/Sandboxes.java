package dev.evalunit.sandbox;

import org.apiguardian.api.API;

import java.io.IOException;
import java.util.Locale;
import java.util.Objects;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * Opens sandboxes of the kind {@code evalunit.sandbox} names: {@link #BUBBLEWRAP} (the default)
 * or {@link #NONE}.
 *
 * @since 0.1.0
 */
@API(status = INTERNAL, since = "0.1.0")
public final class Sandboxes {

    /** Linux namespaces through bubblewrap; the default. */
    public static final String BUBBLEWRAP = dev.evalunit.config.Constants.SANDBOX_BUBBLEWRAP;

    /** No sandbox: commands run as the engine's user, unconfined. An explicit, recorded choice. */
    public static final String NONE = dev.evalunit.config.Constants.SANDBOX_NONE;

    private Sandboxes() {
    }

    /**
     * @param kind {@link #BUBBLEWRAP} or {@link #NONE}; never {@code null}
     * @return the kind, checked and lower-cased
     * @throws IllegalArgumentException when it is neither; the message lists both
     */
    public static String kind(String kind) {
        String checked = Objects.requireNonNull(kind, "kind").strip().toLowerCase(Locale.ROOT);
        if (!checked.equals(BUBBLEWRAP) && !checked.equals(NONE)) {
            throw new IllegalArgumentException("evalunit.sandbox is \"" + kind + "\"; use " + BUBBLEWRAP
                    + " (the default: Linux namespaces) or " + NONE + " (unconfined, only inside a throwaway"
                    + " machine)");
        }
        return checked;
    }

    /**
     * @param spec what the commands get; never {@code null}
     * @param kind {@link #BUBBLEWRAP} or {@link #NONE}; never {@code null}
     * @return an open sandbox; close it to end its processes and remove its workspace
     * @throws SandboxUnavailableException when the kind cannot run here; the message says what to install
     * @throws IOException when its folder cannot be made
     */
    public static Sandbox open(SandboxSpec spec, String kind) throws IOException {
        Objects.requireNonNull(spec, "spec");
        if (kind(kind).equals(NONE)) {
            return UnconfinedSandbox.open();
        }
        return BubblewrapSandbox.open(spec, BubblewrapSandbox.tools());
    }

    /**
     * Makes a program runnable in every sandbox: its class file goes in the tools folder, on the
     * class path {@link Sandbox#readOnly} gives for {@link #toolsClassPath}.
     *
     * @param program a class with a {@code main} that uses only the JDK and declares no nested class
     */
    public static void registerTool(Class<?> program) {
        SandboxTools.register(Objects.requireNonNull(program, "program"));
    }

    /** @return the host folder of the tools' class files; name it among a sandbox's read-only inputs */
    public static java.nio.file.Path toolsClassPath() {
        return SandboxTools.directory();
    }
}
