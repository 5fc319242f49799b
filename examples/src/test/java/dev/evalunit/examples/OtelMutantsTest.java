package dev.evalunit.examples;

import dev.evalunit.check.Check;
import dev.evalunit.check.CheckResult;
import dev.evalunit.check.Evidence;
import dev.evalunit.code.AnswerFormat;
import dev.evalunit.code.CodeRun;
import dev.evalunit.code.CodeSpec;
import dev.evalunit.code.CodeTrial;
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
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmark's own test suite: for each code task of {@code otel}, wrong-but-plausible answers
 * kept in {@code otel-mutants/<task>/<mutant>/}. A mutant's folder holds the files it changes in
 * the task's reference, and a {@code reason} file: its first line, {@code fails-with: <text>}, is
 * text the failure must contain (so the mutant fails for the reason stated, not by accident); the
 * rest says what is wrong with it. Each mutant is built and run like a trial of the task, and must
 * fail; the reference passing is what the oracle run of {@link OtelInstrumentationEvalTest} shows.
 *
 * <p>The runs are JVM starts: they go through a pool of {@code evalunit.concurrency} threads
 * (default 2), started when the factory runs, each test waiting for its own. While writing a
 * task's mutants, {@code -Dotel.mutants=queue,links} runs only those tasks' mutants, and their
 * references too (which must pass).
 */
class OtelMutantsTest {

    private static final Path TASKS = Path.of("src/test/resources/otel");
    private static final Path MUTANTS = Path.of("src/test/resources/otel-mutants");
    private static final String FAILS_WITH = "fails-with:";

    private static ExecutorService pool;

    /** What a mutant's run came to: the run's failure, or the messages of the checks that failed. */
    private record Outcome(List<String> failures) {
    }

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
            Task task = load(taskName);
            List<Path> mutants;
            try (Stream<Path> listed = Files.list(taskDir)) {
                mutants = listed.filter(Files::isDirectory).sorted().toList();
            }
            assertThat(mutants).as("mutants of %s", taskName).hasSizeGreaterThanOrEqualTo(3);
            if (withReferences) {
                String reference = task.code().orElseThrow().referenceAnswer().orElseThrow();
                Future<Outcome> outcome = pool.submit(() -> run(task, reference));
                tests.add(DynamicTest.dynamicTest(taskName + "/reference", () ->
                        assertThat(outcome.get().failures()).as("the reference of %s", taskName).isEmpty()));
            }
            for (Path mutant : mutants) {
                String reason = read(mutant.resolve("reason"));
                String firstLine = reason.lines().findFirst().orElse("");
                assertThat(firstLine).as("%s/reason starts with %s", mutant, FAILS_WITH).startsWith(FAILS_WITH);
                String expected = firstLine.substring(FAILS_WITH.length()).strip();
                String answer = answer(task.code().orElseThrow(), mutant);
                Future<Outcome> outcome = pool.submit(() -> run(task, answer));
                tests.add(DynamicTest.dynamicTest(taskName + "/" + mutant.getFileName(), () -> {
                    Outcome result = outcome.get();
                    assertThat(result.failures()).as("%s must fail: %s", mutant, reason).isNotEmpty();
                    assertThat(String.join("\n", result.failures()))
                            .as("%s must fail for its reason (%s)", mutant, reason.strip())
                            .contains(expected);
                }));
            }
        }
        return tests.stream();
    }

    private static Outcome run(Task task, String answer) {
        CodeRun run = CodeTrial.run(task.code().orElseThrow(), answer,
                task.timeout().orElse(Duration.ofSeconds(120)));
        // A run that ran out of time on a loaded machine says nothing about the answer: run it
        // again (twice at most) rather than count a timeout as the reason a mutant failed.
        for (int retry = 0; retry < 2 && run.failure().filter(OtelMutantsTest::outOfTime).isPresent(); retry++) {
            run = CodeTrial.run(task.code().orElseThrow(), answer, task.timeout().orElse(Duration.ofSeconds(120)));
        }
        if (run.failed()) {
            return new Outcome(List.of(run.failure().orElseThrow()));
        }
        Evidence evidence = run.addTo(new Evidence(answer, List.of()));
        List<String> failures = new ArrayList<>();
        for (Check check : task.checks()) {
            CheckResult result = check.evaluate(evidence);
            if (!result.passed()) {
                failures.add(result.toString());
            }
        }
        return new Outcome(failures);
    }

    private static boolean outOfTime(String failure) {
        return failure.contains("(the run's timeout)");
    }

    private static Task load(String taskName) {
        Path file = TASKS.resolve(taskName + ".yaml");
        List<Task> tasks = new TaskFileLoader().load(file.toUri(), "otel/" + taskName + ".yaml", "otel/" + taskName,
                read(file)).tasks();
        assertThat(tasks).as("the task of %s", file).hasSize(1);
        return tasks.get(0);
    }

    /** @return the reference's files with the mutant's over them, in the answer format */
    private static String answer(CodeSpec spec, Path mutant) throws IOException {
        Map<String, String> files = new TreeMap<>(spec.reference().orElseThrow());
        try (Stream<Path> walked = Files.walk(mutant)) {
            for (Path file : walked.filter(Files::isRegularFile).collect(Collectors.toList())) {
                String path = mutant.relativize(file).toString().replace('\\', '/');
                if (!path.equals("reason")) {
                    files.put(path, read(file));
                }
            }
        }
        return AnswerFormat.render(files);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
