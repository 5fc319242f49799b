package dev.evalunit.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the generated suites: single-call tasks with an output check and a span check. */
final class TaskFiles {

    private TaskFiles() {
    }

    /**
     * @param directory emptied, then filled with {@code count} task files
     * @param withReference whether each task carries the oracle's reference answer
     */
    static Path write(Path directory, int count, boolean withReference) throws IOException {
        if (Files.exists(directory)) {
            try (var files = Files.walk(directory)) {
                for (Path path : (Iterable<Path>) files.sorted(java.util.Comparator.reverseOrder())::iterator) {
                    Files.delete(path);
                }
            }
        }
        Files.createDirectories(directory);
        for (int i = 1; i <= count; i++) {
            StringBuilder yaml = new StringBuilder()
                    .append("prompt: Reply with the code word of task ").append(i).append(".\n");
            if (withReference) {
                yaml.append("reference:\n  output: The code word is kiwi-").append(i).append(".\n");
            }
            yaml.append("expect:\n")
                    .append("  output:\n")
                    .append("    - contains: kiwi-").append(i).append('\n')
                    .append("    - not-contains: error\n")
                    .append("  spans:\n")
                    .append("    - name: \"chat *\"\n")
                    .append("      count: 1\n");
            Files.writeString(directory.resolve(String.format("task-%05d.yaml", i)), yaml);
        }
        return directory;
    }
}
