package dev.evalunit.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Files a sandbox's unprivileged user can read: the class files of the programs the engine runs
 * inside (the forwarder, the compiler), and copies of read-only inputs the user could not reach
 * where they are (a Maven repository under {@code /root}). Made once per engine JVM, in
 * {@code java.io.tmpdir}, readable by everyone: they hold only what every sandbox may read.
 */
final class SandboxTools {

    private static final Map<Path, Path> COPIES = new ConcurrentHashMap<>();
    private static final List<Class<?>> PROGRAMS = new ArrayList<>(List.of(LoopbackForwarder.class));
    private static volatile Path tools;

    private SandboxTools() {
    }

    /**
     * Adds a program to the tools folder: a class that uses only the JDK and declares no nested class.
     * Call before the first sandbox opens.
     */
    static synchronized void register(Class<?> program) {
        if (!PROGRAMS.contains(program)) {
            PROGRAMS.add(program);
            tools = null;
        }
    }

    /** @return the folder that holds the tools' class files, by package */
    static synchronized Path directory() {
        if (tools == null) {
            try {
                Path dir = Files.createTempDirectory(cache(), "tools-");
                for (Class<?> program : PROGRAMS) {
                    String name = program.getName().replace('.', '/') + ".class";
                    Path file = dir.resolve(name);
                    Files.createDirectories(file.getParent());
                    try (InputStream in = program.getClassLoader().getResourceAsStream(name)) {
                        if (in == null) {
                            throw new IllegalStateException("cannot find the class file of " + program.getName());
                        }
                        Files.copy(in, file);
                    }
                }
                everyoneReads(dir);
                tools = dir;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the sandbox's tools to " + CACHE, e);
            }
        }
        return tools;
    }

    /** @return {@code path} itself when every user can read it, else a copy every user can read */
    static Path readableCopy(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        if (readableByAll(absolute)) {
            return absolute;
        }
        return COPIES.computeIfAbsent(absolute, original -> {
            try {
                Path copy = Files.createTempDirectory(cache(), "ro-").resolve(original.getFileName().toString());
                try (Stream<Path> files = Files.walk(original)) {
                    for (Path source : (Iterable<Path>) files::iterator) {
                        Path target = copy.resolve(original.relativize(source).toString());
                        if (Files.isDirectory(source)) {
                            Files.createDirectories(target);
                        } else {
                            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                }
                everyoneReads(copy.getParent());
                return copy;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot copy " + original + " where the sandbox can read it", e);
            }
        });
    }

    private static boolean readableByAll(Path path) {
        try {
            for (Path dir = path.getParent(); dir != null; dir = dir.getParent()) {
                if (!PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)).endsWith("x")) {
                    return false;
                }
            }
            try (Stream<Path> files = Files.walk(path)) {
                return files.allMatch(file -> {
                    try {
                        String permissions = PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
                        return permissions.charAt(6) == 'r' && (!Files.isDirectory(file) || permissions.charAt(8) == 'x');
                    } catch (IOException e) {
                        return false;
                    }
                });
            }
        } catch (IOException e) {
            return false;
        }
    }

    private static final Path CACHE = Path.of(System.getProperty("java.io.tmpdir"),
            "evalunit-sandbox-" + ProcessHandle.current().pid());

    private static synchronized Path cache() throws IOException {
        if (!Files.isDirectory(CACHE)) {
            Files.createDirectories(CACHE);
            Files.setPosixFilePermissions(CACHE, PosixFilePermissions.fromString("rwxr-xr-x"));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> Workspaces.delete(CACHE), "evalunit-sandbox-cache"));
        }
        return CACHE;
    }

    private static void everyoneReads(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(
                        Files.isDirectory(file) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
    }
}
