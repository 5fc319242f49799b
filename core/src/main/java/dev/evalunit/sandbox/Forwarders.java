package dev.evalunit.sandbox;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The program that holds a sandbox's network namespace and listens there on 127.0.0.1 for each
 * host service, carrying every connection to that service's unix socket: {@code socat} when it is
 * installed (a C program: it starts in milliseconds, where a JVM takes a core for half a second
 * beside the compiler), else {@link LoopbackForwarder} in a JVM of its own. Both run in the same
 * bubblewrap container as the same unprivileged user; only the program differs.
 */
final class Forwarders {

    /** What {@code socat -d -d} prints once a listener is bound: {@code N listening on AF=2 127.0.0.1:PORT}. */
    private static final Pattern SOCAT_LISTENS = Pattern.compile(" N listening on AF=2 127\\.0\\.0\\.1:(\\d+)$");

    private final Optional<Path> socat;
    private final Map<Integer, String> forwards;
    private final Set<Integer> listening = new HashSet<>();

    /**
     * @param socat the {@code socat} program, or empty for the JVM forwarder
     * @param forwards port inside to the unix socket it forwards to, as the sandbox sees it
     */
    Forwarders(Optional<Path> socat, Map<Integer, String> forwards) {
        this.socat = socat;
        this.forwards = Map.copyOf(forwards);
    }

    boolean usesJvm() {
        return socat.isEmpty();
    }

    /** @return the command bubblewrap runs inside; the ports and paths are the engine's own, never the answer's */
    List<String> command(String java, List<String> jvmOptions, String toolsClassPath) {
        if (socat.isEmpty()) {
            List<String> command = new ArrayList<>(List.of(java));
            command.addAll(jvmOptions);
            command.addAll(List.of("-cp", toolsClassPath, LoopbackForwarder.class.getName()));
            forwards.forEach((port, socket) -> command.add(port + "=" + socket));
            return command;
        }
        if (forwards.isEmpty()) {
            // Nothing to forward: something must still hold the namespace, and say so.
            return List.of("/bin/sh", "-c", "echo " + LoopbackForwarder.READY + "; exec sleep infinity");
        }
        StringBuilder script = new StringBuilder();
        forwards.forEach((port, socket) -> script.append(socat.get()).append(" -d -d TCP-LISTEN:").append(port)
                .append(",bind=127.0.0.1,fork,reuseaddr UNIX-CONNECT:").append(socket).append(" & "));
        // When every socat has ended (one could not bind), the shell ends and the engine hears of it.
        script.append("wait");
        return List.of("/bin/sh", "-c", script.toString());
    }

    /** @return whether, after this line of the forwarder's output, every port listens */
    boolean ready(String line) {
        if (socat.isEmpty() || forwards.isEmpty()) {
            return line.equals(LoopbackForwarder.READY);
        }
        Matcher listens = SOCAT_LISTENS.matcher(line);
        if (listens.find()) {
            listening.add(Integer.parseInt(listens.group(1)));
        }
        return listening.containsAll(forwards.keySet());
    }
}
