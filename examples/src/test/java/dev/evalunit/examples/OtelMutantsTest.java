package dev.evalunit.examples;

import dev.evalunit.check.CheckResult;
import dev.evalunit.code.CodeSpec;
import dev.evalunit.model.ModelBinding;
import dev.evalunit.run.TaskRunner;
import dev.evalunit.run.TrialResult;
import dev.evalunit.task.Reference;
import dev.evalunit.task.Task;
import dev.evalunit.task.TaskFileLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark's own test suite: for each code task of {@code otel} and agent task of
 * {@code otel-agent}, wrong-but-plausible answers kept in {@code otel-mutants/<task>/<mutant>/}. A
 * mutant's folder holds the files it changes in the task's reference, and a {@code reason} file:
 * its first line, {@code fails-with: <text>}, is text the failure must contain (so the mutant fails
 * for the reason stated, not by accident); the rest says what is wrong with it.
 *
 * <p>A mutant is scored the way the engine scores the {@code oracle}, through {@link TaskRunner},
 * with the mutant as the task's reference: a whole-file task gets the files as its answer, an
 * agent task gets them written through its tools, its build run and {@code finish} called, and
 * every check of the task holds it (the workspace's and the conduct's too). The mutants of
 * {@code otel-mutants/<task>} are held against every task of that name in both suites: the agent
 * versions of instrumentation tasks share their workspace and reference, and must reject the same
 * wrong answers. The reference passing is what the oracle runs of
 * {@link OtelInstrumentationEvalTest} and {@link OtelAgentEvalTest} show.
 *
 * <p>The runs are JVM starts: they go through a pool of {@code evalunit.concurrency} threads
 * (default 2), started when the factory runs, each test waiting for its own. While writing a
 * task's mutants, {@code -Dotel.mutants=queue,links} runs only those tasks' mutants, and their
 * references too (which must pass).
 */
class OtelMutantsTest {

    private static final Path RESOURCES = Path.of("src/test/resources");
    private static final List<String> SUITES = List.of("otel", "otel-agent");
    private static final Path MUTANTS = RESOURCES.resolve("otel-mutants");
    private static final String FAILS_WITH = "fails-with:";
    private static final TaskRunner RUNNER = new TaskRunner(Duration.ofMinutes(10), 60);

    private static ExecutorService pool;

    @AfterAll
    static void stopPool() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyMutantFailsForTheReasonBesideIt() throws IOException {
        int threads = Integer.getInteger("evalunit.concurrency", 2);
        pool = Executors.newFixedThreadPool(Math.max(1, threads));
        List<DynamicTest> tests = new ArrayList<>();
        List<Path> taskDirs;
        try (Stream<Path> listed = Files.list(MUTANTS)) {
            taskDirs = listed.filter(Files::isDirectory).sorted().toList();
        }
        String only = System.getProperty("otel.mutants", "");
        boolean withReferences = !only.isBlank();
        if (withReferences) {
            List<String> names = List.of(only.split(","));
            taskDirs = taskDirs.stream().filter(dir -> names.contains(dir.getFileName().toString())).toList();
        }
        assertThat(taskDirs).as("mutant folders under %s", MUTANTS).isNotEmpty();
        for (Path taskDir : taskDirs) {
            String taskName = taskDir.getFileName().toString();
            List<Path> mutants;
            try (Stream<Path> listed = Files.list(taskDir)) {
                mutants = listed.filter(Files::isDirectory).sorted().toList();
            }
            assertThat(mutants).as("mutants of %s", taskName).hasSizeGreaterThanOrEqualTo(3);
            List<Task> tasks = load(taskName);
            assertThat(tasks).as("tasks named %s in %s", taskName, SUITES).isNotEmpty();
            for (Task task : tasks) {
                String label = task.id();
                if (withReferences) {
                    Future<List<String>> outcome = pool.submit(() -> failures(task));
                    tests.add(DynamicTest.dynamicTest(label + "/reference", () ->
                            assertThat(outcome.get()).as("the reference of %s", label).isEmpty()));
                }
                for (Path mutant : mutants) {
                    String reason = read(mutant.resolve("reason"));
                    String firstLine = reason.lines().findFirst().orElse("");
                    assertThat(firstLine).as("%s/reason starts with %s", mutant, FAILS_WITH).startsWith(FAILS_WITH);
                    String expected = firstLine.substring(FAILS_WITH.length()).strip();
                    Task mutated = withReference(task, mutant);
                    Future<List<String>> outcome = pool.submit(() -> failures(mutated));
                    tests.add(DynamicTest.dynamicTest(label + "/" + mutant.getFileName(), () -> {
                        List<String> failures = outcome.get();
                        assertThat(failures).as("%s must fail on %s: %s", mutant, label, reason).isNotEmpty();
                        assertThat(String.join("\n", failures))
                                .as("%s must fail on %s for its reason (%s)", mutant, label, reason.strip())
                                .contains(expected);
                    }));
                }
            }
        }
        return tests.stream();
    }

    /** @return why the oracle's trial of {@code task} failed: its failure, or its failed checks */
    private static List<String> failures(Task task) {
        TrialResult trial = RUNNER.runTrial(task, ModelBinding.oracle(), 1);
        // A run that ran out of time on a loaded machine says nothing about the answer: run it
        // again (twice at most) rather than count a timeout as the reason a mutant failed.
        for (int retry = 0; retry < 2 && outOfTime(trial); retry++) {
            trial = RUNNER.runTrial(task, ModelBinding.oracle(), 1);
        }
        assertThat(trial.errorDescription()).as("%s could not be scored", task.id()).isEmpty();
        List<String> failures = new ArrayList<>();
        trial.failure().ifPresent(failures::add);
        trial.failedChecks().stream().map(CheckResult::toString).forEach(failures::add);
        return failures;
    }

    private static boolean outOfTime(TrialResult trial) {
        return trial.failure().filter(failure -> failure.contains("(the run's timeout)")).isPresent();
    }

    /** @return the task of that name in each suite that has one */
    private static List<Task> load(String taskName) {
        List<Task> tasks = new ArrayList<>();
        for (String suite : SUITES) {
            Path file = RESOURCES.resolve(suite).resolve(taskName + ".yaml");
            if (Files.isRegularFile(file)) {
                List<Task> loaded = new TaskFileLoader().load(file.toUri(), suite + "/" + taskName + ".yaml",
                        suite + "/" + taskName, read(file)).tasks();
                assertThat(loaded).as("the task of %s", file).hasSize(1);
                tasks.add(loaded.get(0));
            }
        }
        return tasks;
    }

    /**
     * @return {@code task} with the mutant as its reference: the reference's files with the
     *         mutant's over them, which the oracle answers with (or writes through the tools)
     */
    private static Task withReference(Task task, Path mutant) throws IOException {
        CodeSpec spec = task.code().orElseThrow();
        Map<String, String> files = new TreeMap<>(spec.reference().orElseThrow());
        try (Stream<Path> walked = Files.walk(mutant)) {
            for (Path file : walked.filter(Files::isRegularFile).collect(Collectors.toList())) {
                String path = mutant.relativize(file).toString().replace('\\', '/');
                if (!path.equals("reason")) {
                    files.put(path, read(file));
                }
            }
        }
        CodeSpec mutated = new CodeSpec(spec.workspace(), Optional.of(files), spec.run(), spec.checks(),
                spec.source(), spec.agent());
        return task.toBuilder().code(mutated).reference(Reference.of(mutated).orElseThrow()).build();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
