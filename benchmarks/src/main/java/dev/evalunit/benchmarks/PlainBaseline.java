package dev.evalunit.benchmarks;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The baseline EvalUnit's overhead is measured against: what a hand-written Jupiter test would do
 * with the same files. One dynamic test per file: parse it with SnakeYAML, make its output checks
 * on the reference answer.
 */
public class PlainBaseline {

    /** The directory of task files, as a system property of the forked JVM. */
    static final String TASKS_PROPERTY = "benchmark.tasks";

    @TestFactory
    Stream<DynamicTest> everyTaskFile() throws IOException {
        Path directory = Path.of(System.getProperty(TASKS_PROPERTY));
        List<Path> files;
        try (Stream<Path> listed = Files.list(directory)) {
            files = listed.filter(path -> path.toString().endsWith(".yaml")).sorted().toList();
        }
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> check(file)));
    }

    @SuppressWarnings("unchecked")
    private static void check(Path file) {
        Map<String, Object> task;
        try {
            task = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String answer = (String) ((Map<String, Object>) task.get("reference")).get("output");
        List<Map<String, Object>> output = (List<Map<String, Object>>) ((Map<String, Object>) task.get("expect")).get("output");
        for (Map<String, Object> check : output) {
            if (check.containsKey("contains")) {
                assertTrue(answer.contains((String) check.get("contains")), "contains " + check.get("contains"));
            } else if (check.containsKey("not-contains")) {
                assertTrue(!answer.contains((String) check.get("not-contains")), "not-contains " + check.get("not-contains"));
            }
        }
    }
}
