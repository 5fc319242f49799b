package dev.evalunit.code;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where a process's {@code command:} finds its executable: on the sandbox's {@code PATH}
 * ({@code /usr/bin:/bin}), or by an absolute path under {@code /usr}, the part of the machine the
 * sandbox shows read-only. A command whose executable is not there is refused when the task file
 * loads, naming it, rather than failing every trial.
 */
final class Commands {

    /** The folders a bare name is looked up in, the sandbox's {@code PATH}. */
    static final List<String> PATH = List.of("/usr/bin", "/bin");

    private Commands() {
    }

    /** @return the executable file {@code executable} names; empty when the machine has none */
    static Optional<Path> find(String executable) {
        if (executable.isEmpty() || executable.contains("\0")) {
            return Optional.empty();
        }
        if (executable.contains("/")) {
            Path path = Path.of(executable).normalize();
            return path.isAbsolute() && path.startsWith("/usr") && runnable(path) ? Optional.of(path) : Optional.empty();
        }
        return PATH.stream().map(folder -> Path.of(folder, executable)).filter(Commands::runnable).findFirst();
    }

    /** @return where {@link #find} looked, for the message that says it found nothing */
    static String where(String executable) {
        if (executable.contains("/")) {
            return executable + " (an absolute path must be under /usr, which the sandbox shows)";
        }
        return String.join(" and ", PATH.stream().map(folder -> folder + "/" + executable).toList());
    }

    private static boolean runnable(Path path) {
        return Files.isRegularFile(path) && Files.isExecutable(path);
    }
}
