package dev.evalunit.benchmarks;

import dev.evalunit.task.LoadedFile;
import dev.evalunit.task.SuiteLoader;
import dev.evalunit.task.TaskDocuments;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.launcher.EngineFilter.includeEngines;

/**
 * Loads a folder of task files once, cold, in a JVM of its own, and prints {@code RESULT {json}}
 * with the milliseconds it took: {@code plain} reads and parses each file with SnakeYAML (a new
 * {@code Yaml} per file, as a suite of Jupiter tests would), {@code plain-reused} with one
 * {@code Yaml} for every file, {@code loader} loads them with
 * EvalUnit's {@link SuiteLoader} (parsing, validation, task values), {@code discovery} runs the
 * engine's discovery of the folder through the JUnit Platform Launcher (loading plus test
 * descriptors). A benchmark, not a test: {@link Benchmarks} runs it as the {@code loading} scenario.
 */
final class FileLoad {

    private FileLoad() {
    }

    /** @param args {@code plain|plain-reused|loader|discovery} and the folder of task files */
    public static void main(String[] args) throws IOException {
        String mode = args[0];
        Path folder = Path.of(args[1]);
        Launcher launcher = mode.equals("discovery") ? LauncherFactory.create() : null;
        long start = System.nanoTime();
        long cpuStart = cpuNanos();
        int tasks = load(mode, folder, launcher);
        double millis = (System.nanoTime() - start) / 1_000_000.0;
        double cpuMillis = (cpuNanos() - cpuStart) / 1_000_000.0;
        // Once more, warm: what the same work costs once the JIT has compiled it.
        long again = System.nanoTime();
        load(mode, folder, launcher);
        double warmMillis = (System.nanoTime() - again) / 1_000_000.0;
        System.out.printf(Locale.ROOT, "RESULT {\"mode\":\"%s\",\"tasks\":%d,\"wallMillis\":%.1f,\"cpuMillis\":%.1f,"
                + "\"warmMillis\":%.1f}%n", mode, tasks, millis, cpuMillis, warmMillis);
    }

    private static long cpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    private static int load(String mode, Path folder, Launcher launcher) throws IOException {
        int tasks;
        switch (mode) {
            case "plain" -> {
                int read = 0;
                try (Stream<Path> listed = Files.list(folder)) {
                    for (Path file : listed.filter(path -> path.toString().endsWith(".yaml")).sorted().toList()) {
                        Object task = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
                        read += task == null ? 0 : 1;
                    }
                }
                tasks = read;
            }
            case "plain-reused" -> {
                Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
                int read = 0;
                try (Stream<Path> listed = Files.list(folder)) {
                    for (Path file : listed.filter(path -> path.toString().endsWith(".yaml")).sorted().toList()) {
                        Object task = yaml.load(Files.readString(file));
                        read += task == null ? 0 : 1;
                    }
                }
                tasks = read;
            }
            case "loader" -> {
                List<LoadedFile> loaded = new SuiteLoader().load(TaskDocuments.inDirectory(folder));
                tasks = loaded.stream().mapToInt(file -> file.file().map(f -> f.tasks().size()).orElse(0)).sum();
            }
            case "discovery" -> tasks = (int) launcher.discover(LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectDirectory(folder.toFile())).filters(includeEngines("evalunit")).build())
                    .countTestIdentifiers(test -> test.isTest());
            default -> throw new IllegalArgumentException("mode " + mode + ": plain, plain-reused, loader or discovery");
        }
        return tasks;
    }
}
