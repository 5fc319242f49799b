package dev.evalunit.benchmarks;

import dev.evalunit.task.LoadedFile;
import dev.evalunit.task.SuiteLoader;
import dev.evalunit.task.TaskDocument;
import dev.evalunit.task.TaskDocuments;

import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Loads a dataset of 10,000 rows through the suite loader and prints how long it took and how much
 * heap the loaded tasks keep, next to the size of the rows' own text: the figures docs/task-files.md
 * quotes. A benchmark, not a test: {@link Benchmarks} runs it as the {@code dataset} scenario.
 *
 * <p>It runs in a JVM of its own so that it starts cold: a dataset
 * of 10 rows loads first, which loads the classes of the YAML and JSON readers (what any suite pays
 * once, for its first file); then the 10,000 rows load for the first time, their code not yet
 * compiled; then ten more times.
 */
final class DatasetLoad {

    private static final int ROWS = 10_000;

    private static final String TEMPLATE = """
            dataset: incidents.jsonl
            template:
              title: "Severity of {{id}}"
              tags: [triage]
              system: >-
                You are the incident commander. Classify the incident's severity as SEV1 (customers cannot
                pay or log in), SEV2 (a feature is degraded) or SEV3 (no customer impact). Answer with the
                severity first, then one sentence of reasoning.
              prompt: "Incident {{id}} reported by {{team}}: {{summary}}"
              reference:
                output: "{{severity}}: {{reason}}"
              expect:
                output:
                  - matches: "^{{severity}}\\\\b"
                spans:
                  - name: "chat *"
                    count: 1
                    sum:
                      gen_ai.usage.output_tokens: "< 200"
            """;

    private DatasetLoad() {
    }

    /** @param args the folder to write the dataset into */
    public static void main(String[] args) throws IOException {
        Path suite = Path.of(args[0]);
        writeDataset(suite.resolve("small/incidents.jsonl"), 10);
        Files.writeString(suite.resolve("small/severity.yaml"), TEMPLATE);
        long textBytes = writeDataset(suite.resolve("big/incidents.jsonl"), ROWS);
        Files.writeString(suite.resolve("big/severity.yaml"), TEMPLATE);
        List<TaskDocument> documents = TaskDocuments.inDirectory(suite.resolve("big"));

        Timing startUp = time(TaskDocuments.inDirectory(suite.resolve("small")));
        Timing first = time(documents);
        expectRows(first.loaded());
        Timing best = time(documents);
        for (int i = 0; i < 9; i++) {
            Timing next = time(documents);
            best = next.wallMs() < best.wallMs() ? next : best;
        }

        long before = usedHeapAfterGc();
        List<LoadedFile> held = new SuiteLoader().load(documents);
        long retained = usedHeapAfterGc() - before;
        expectRows(held);

        System.out.printf(Locale.ROOT, "EvalUnit dataset load: start-up (10 rows, first file of the JVM) %d ms (%d ms"
                        + " of CPU); %,d rows (%.1f MB of JSON Lines) the first time %d ms (%d ms of CPU), best of 10"
                        + " after %d ms (%d ms of CPU); the loaded tasks keep %.1f MB of heap (%,d bytes a row, the"
                        + " row's own text being %,d bytes)%n",
                startUp.wallMs(), startUp.cpuMs(), ROWS, textBytes / 1e6, first.wallMs(), first.cpuMs(), best.wallMs(),
                best.cpuMs(), retained / 1e6, retained / ROWS, textBytes / ROWS);
    }

    private static void expectRows(List<LoadedFile> loaded) {
        int tasks = loaded.get(0).file().orElseThrow().tasks().size();
        if (tasks != ROWS) {
            throw new IllegalStateException("the dataset loaded as " + tasks + " tasks, not " + ROWS);
        }
    }

    private record Timing(List<LoadedFile> loaded, long wallMs, long cpuMs) {
    }

    private static Timing time(List<TaskDocument> documents) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long cpuStart = threads.getCurrentThreadCpuTime();
        List<LoadedFile> loaded = new SuiteLoader().load(documents);
        return new Timing(loaded, (System.nanoTime() - start) / 1_000_000,
                (threads.getCurrentThreadCpuTime() - cpuStart) / 1_000_000);
    }

    private static long writeDataset(Path file, int rows) throws IOException {
        Files.createDirectories(file.getParent());
        String[] teams = {"payments", "identity", "search", "checkout", "platform"};
        String[] severities = {"SEV1", "SEV2", "SEV3"};
        try (Writer out = Files.newBufferedWriter(file)) {
            for (int i = 1; i <= rows; i++) {
                out.write(String.format(Locale.ROOT, "{\"id\": \"INC-%05d\", \"team\": \"%s\", \"severity\": \"%s\","
                                + " \"summary\": \"Since %02d:%02d UTC the %s service answers %d%% of requests with"
                                + " HTTP 5%02d after deploy %d; on-call sees queue depth at %d and rising, customers"
                                + " report retries.\", \"reason\": \"impact on %d%% of %s requests\"}%n",
                        i, teams[i % 5], severities[i % 3], i % 24, i % 60, teams[i % 5], i % 90, i % 4, 1000 + i,
                        i * 7, i % 90, teams[i % 5]));
            }
        }
        return Files.size(file);
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
