package dev.evalunit.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** The JDK that runs the engine, which every sandbox shows read-only at its own path. */
final class JdkFiles {

    private JdkFiles() {
    }

    static Path home() {
        return Path.of(System.getProperty("java.home")).toAbsolutePath().normalize();
    }

    private static volatile List<Path> outside;

    /**
     * @return folders outside {@code /usr} and the JDK that its links point into, such as Debian's
     *         {@code /etc/java-17-openjdk} (its {@code java.security}) and {@code /etc/ssl}: shown
     *         read-only too, or the JDK does not start
     */
    static List<Path> linkedFolders() {
        List<Path> found = outside;
        if (found == null) {
            Set<Path> folders = new TreeSet<>();
            try (Stream<Path> files = Files.walk(home())) {
                files.filter(Files::isSymbolicLink).forEach(link -> {
                    try {
                        Path target = link.toRealPath();
                        if (!target.startsWith("/usr") && !target.startsWith(home()) && target.getNameCount() >= 2) {
                            folders.add(target.getRoot().resolve(target.subpath(0, 2)));
                        }
                    } catch (IOException e) {
                        // A dangling link: the JDK does not use it either.
                    }
                });
            } catch (IOException e) {
                throw new SandboxUnavailableException("cannot read the JDK at " + home() + ": " + e.getMessage());
            }
            found = List.copyOf(folders);
            outside = found;
        }
        return found;
    }

    /** @return the {@code java} launcher of that JDK */
    static String java() {
        return home().resolve("bin").resolve("java").toString();
    }

    /** @throws SandboxUnavailableException when a sandbox's unprivileged user could not read the JDK */
    static void checkReadableByOthers() {
        Path java = home().resolve("bin").resolve("java");
        try {
            Path real = java.toRealPath();
            for (Path dir = real.getParent(); dir != null; dir = dir.getParent()) {
                if (!Files.getPosixFilePermissions(dir).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    throw unreadable(dir);
                }
            }
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(real);
            if (!permissions.contains(PosixFilePermission.OTHERS_EXECUTE)) {
                throw unreadable(real);
            }
        } catch (IOException e) {
            throw new SandboxUnavailableException("cannot read the JDK at " + home() + ": " + e.getMessage());
        }
    }

    private static SandboxUnavailableException unreadable(Path path) {
        return new SandboxUnavailableException("the sandbox runs the JDK as an unprivileged user, who cannot reach "
                + path + "; install the JDK where every user can read it (for example /usr/lib/jvm) or make "
                + path + " readable by others (chmod o+rx)");
    }
}
