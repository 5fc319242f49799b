package dev.evalunit.code;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A process started from a jar ({@code jar:}), with a javaagent of {@code run.libraries}
 * ({@code -javaagent:${library:...}}), or by a command of the task's own ({@code command:}), with
 * files of the task's own ({@code run.task-files}) that no answer replaces.
 */
class ProcessLaunchTest {

    private static final String APP = "src/shop/App.java";
    /** A small agent of the test's own, for what the real one would make slow; the real one is tested below. */
    private static final String PROBE = "dev.evalunit.test:probe-agent";
    private static final String PROBE_SOURCE = """
            package probe;

            public class Probe {
                public static void premain(String argument) {
                    System.out.println("agent loaded: " + argument);
                }

                public static void main(String[] args) {
                    System.out.println("probe jar ran with " + String.join(",", args));
                }
            }
            """;

    @TempDir
    Path directory;

    @Test
    void aJavaagentOfTheLibrariesLoadsOnlyWhenTheJvmOptionNamesIt() throws IOException {
        Path probe = probeJar();
        ProcessSpec withAgent = new ProcessSpec("app", "shop.App", List.of(), Map.of(), Optional.empty(),
                List.of("-javaagent:${library:" + PROBE + "}=hello"));
        ProcessSpec plain = new ProcessSpec("app", "shop.App", List.of(), Map.of(), Optional.empty(), List.of());

        CodeRun with = CodeTrial.runFiles(spec(List.of(withAgent), probe, Map.of()), Map.of(), Programs.seconds(60));
        CodeRun without = CodeTrial.runFiles(spec(List.of(plain), probe, Map.of()), Map.of(), Programs.seconds(60));

        assertThat(with.failure()).isEmpty();
        assertThat(with.outcome().output()).contains("agent loaded: hello").contains("order placed");
        assertThat(without.failure()).isEmpty();
        assertThat(without.outcome().output()).contains("order placed").doesNotContain("agent loaded");
    }

    /**
     * The real OpenTelemetry javaagent (resolved by Maven from Central, handed over by Surefire as
     * {@code evalunit.test.javaagent}) instruments a program that has no OpenTelemetry code at all,
     * inside the sandbox, and its spans reach the trial's receiver; without the option, the same
     * program exports nothing.
     */
    @Test
    void theRealOpenTelemetryJavaagentInstrumentsAProgramWithoutOpenTelemetryCode() {
        Path agent = Path.of(System.getProperty("evalunit.test.javaagent", "missing"));
        assertThat(agent).as("the javaagent jar Maven resolved for the tests").isRegularFile();
        String plain = """
                package shop;

                public class App {
                    public static void main(String[] args) throws Exception {
                        java.net.HttpURLConnection get = (java.net.HttpURLConnection)
                                new java.net.URL("http://127.0.0.1:9/stock").openConnection();
                        try {
                            get.getResponseCode();
                        } catch (java.io.IOException refused) {
                            System.out.println("stock service down: " + refused.getClass().getSimpleName());
                        }
                    }
                }
                """;
        String coordinates = "io.opentelemetry.javaagent:opentelemetry-javaagent";
        ProcessSpec withAgent = new ProcessSpec("app", "shop.App", List.of(), Map.of(), Optional.empty(),
                List.of("-javaagent:${library:" + coordinates + "}"));
        ProcessSpec without = new ProcessSpec("app", "shop.App", List.of(), Map.of(), Optional.empty(), List.of());

        CodeRun instrumented = CodeTrial.runFiles(agentSpec(withAgent, plain, agent, coordinates), Map.of(),
                Programs.seconds(180));
        CodeRun bare = CodeTrial.runFiles(agentSpec(without, plain, agent, coordinates), Map.of(),
                Programs.seconds(180));

        assertThat(instrumented.failure()).isEmpty();
        assertThat(instrumented.outcome().output()).contains("stock service down");
        assertThat(instrumented.spans()).anySatisfy(span -> {
            assertThat(span.getKind()).isEqualTo(io.opentelemetry.api.trace.SpanKind.CLIENT);
            assertThat(span.getName()).isEqualTo("GET");
            assertThat(span.getInstrumentationScopeInfo().getName()).contains("http-url-connection");
        });
        assertThat(bare.outcome().output()).contains("stock service down");
        assertThat(bare.spans()).isEmpty();
        assertThat(bare.failure()).hasValueSatisfying(f -> assertThat(f).startsWith("the run exported no spans"));
    }

    private static CodeSpec agentSpec(ProcessSpec process, String app, Path agent, String coordinates) {
        CodeSpec base = Programs.spec(Map.of(APP, app), List.of(process), List.of());
        RunSpec run = base.run();
        return new CodeSpec(base.workspace(), Optional.empty(), new RunSpec(run.processes(), run.ports(), run.env(),
                run.timeout(), run.maxOutputChars(), List.of(agent), Map.of(coordinates, agent), Map.of()), List.of(),
                base.source());
    }

    @Test
    void aProcessStartsFromALibrarysJarWithItsArguments() throws IOException {
        Path probe = probeJar();
        ProcessSpec fromJar = new ProcessSpec("probe", "", List.of("${APP_PORT}", "two"), Map.of(), Optional.empty(),
                List.of("-Xss1m"), Optional.of(probe), List.of());

        CodeRun run = CodeTrial.runFiles(spec(List.of(fromJar, app()), probe, Map.of()), Map.of(),
                Programs.seconds(60));

        assertThat(run.failure()).isEmpty();
        assertThat(run.outcome().output()).containsPattern("probe jar ran with \\d+,two");
    }

    @Test
    void aCommandOfTheTasksOwnRunsItsTaskFileWhichTheAnswerCannotReplace() throws IOException {
        ProcessSpec peer = new ProcessSpec("peer", "", List.of("${APP_PORT}"), Map.of(), Optional.empty(), List.of(),
                Optional.empty(), List.of("sh", "peer/peer.sh"));
        Map<String, String> taskFiles = Map.of("peer/peer.sh", "echo \"task's peer on $1 in $(pwd)\"\n");

        CodeRun run = CodeTrial.runFiles(spec(List.of(peer, app()), probeJar(), taskFiles),
                Map.of("peer/peer.sh", "echo \"the answer's own peer\"\n"), Programs.seconds(60));

        assertThat(run.failure()).isEmpty();
        assertThat(run.outcome().output()).containsPattern("task's peer on \\d+ in /").doesNotContain("answer's");
    }

    @Test
    void aPython3PeerOfTheTaskFilesRunsInTheSandboxWhereTheMachineHasPython3() throws IOException {
        Assumptions.assumeTrue(Commands.find("python3").isPresent(), "this machine has no /usr/bin/python3");
        ProcessSpec peer = new ProcessSpec("peer", "", List.of("${APP_PORT}"), Map.of(), Optional.empty(), List.of(),
                Optional.empty(), List.of("python3", "peer/peer.py"));
        Map<String, String> taskFiles = Map.of("peer/peer.py", "import sys\nprint('python peer on', int(sys.argv[1]))\n");

        CodeRun run = CodeTrial.runFiles(spec(List.of(peer, app()), probeJar(), taskFiles), Map.of(),
                Programs.seconds(60));
        CodeRun broken = CodeTrial.runFiles(spec(List.of(peer, app()), probeJar(), Map.of("peer/peer.py",
                "import sys\nsys.exit(3)\n")), Map.of(), Programs.seconds(60));

        assertThat(run.failure()).isEmpty();
        assertThat(run.outcome().output()).containsPattern("python peer on \\d+");
        assertThat(broken.outcome().processes()).first().satisfies(outcome ->
                assertThat(outcome.exitCode()).hasValue(3));
    }

    @Test
    void readsJarCommandTaskFilesAndTheLibraryPlaceholder() throws IOException {
        Files.createDirectories(directory.resolve("peer"));
        Files.writeString(directory.resolve("peer/peer.py"), "print('peer')\n");
        CodeSpec spec = read("""
                run:
                  libraries: [com.fasterxml.jackson.core:jackson-core]
                  task-files: peer
                  processes:
                    - {name: app, main: shop.App, jvm-options: ["-javaagent:${library:com.fasterxml.jackson.core:jackson-core}"]}
                    - {name: lib, jar: com.fasterxml.jackson.core:jackson-core, args: [x]}
                    - {name: peer, command: [sh, -c, "exit 0"]}
                """);

        List<ProcessSpec> processes = spec.run().processes();
        assertThat(processes.get(0).jvmOptions()).containsExactly(
                "-javaagent:${library:com.fasterxml.jackson.core:jackson-core}");
        assertThat(processes.get(1).jar()).hasValueSatisfying(jar -> assertThat(jar.getFileName().toString())
                .startsWith("jackson-core-"));
        assertThat(processes.get(1).mainClass()).isEmpty();
        assertThat(processes.get(2).command()).containsExactly("sh", "-c", "exit 0");
        assertThat(spec.run().taskFiles()).containsEntry("peer.py", "print('peer')\n");
        assertThat(spec.run().libraryJars()).containsKey("com.fasterxml.jackson.core:jackson-core");
    }

    @Test
    void refusesAMissingExecutableAnUndeclaredJarAndTwoWaysToStart() throws IOException {
        assertError("""
                run:
                  processes: [{name: peer, command: [no-such-toolchain-xyz, peer.py]}]
                """, "4:38: run.processes[0].command: the executable \"no-such-toolchain-xyz\" is not on this machine"
                + " (looked for /usr/bin/no-such-toolchain-xyz and /bin/no-such-toolchain-xyz)");
        assertError("""
                run:
                  processes: [{name: peer, command: [/opt/python3/bin/python3]}]
                """, "4:38: run.processes[0].command: the executable \"/opt/python3/bin/python3\" is not on this machine");
        assertError("""
                run:
                  processes: [{name: lib, jar: com.example:agent}]
                """, "4:32: run.processes[0].jar \"com.example:agent\" is not a library of run.libraries");
        assertError("""
                run:
                  processes: [{name: app, main: shop.App, command: [sh]}]
                """, "4:43: run.processes[0] has both main and command");
        assertError("""
                run:
                  processes: [{name: app, args: [x]}]
                """, "4:15: run.processes[0] has no main");
        assertError("""
                run:
                  processes: [{name: app, command: [sh], jvm-options: [-Xss1m]}]
                """, "4:42: run.processes[0] runs a command, not a JVM");
        assertError("""
                run:
                  processes: [{name: app, main: shop.App, jvm-options: ["-javaagent:${library:com.example:agent}"]}]
                """, "4:57: unknown placeholder ${library:com.example:agent}");
    }

    private Path probeJar() throws IOException {
        Path sources = Files.createDirectories(directory.resolve("probe-src/probe"));
        Files.writeString(sources.resolve("Probe.java"), PROBE_SOURCE);
        Path classes = Files.createDirectories(directory.resolve("probe-classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac.run(null, null, null, "-d", classes.toString(), sources.resolve("Probe.java").toString()))
                .isZero();
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "probe.Probe");
        manifest.getMainAttributes().putValue("Premain-Class", "probe.Probe");
        Path jar = directory.resolve("probe-agent-1.0.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream entries = new JarOutputStream(out, manifest)) {
            entries.putNextEntry(new JarEntry("probe/Probe.class"));
            entries.write(Files.readAllBytes(classes.resolve("probe/Probe.class")));
            entries.closeEntry();
        }
        return jar;
    }

    private static ProcessSpec app() {
        return Programs.process("app", "shop.App");
    }

    private static CodeSpec spec(List<ProcessSpec> processes, Path probe, Map<String, String> taskFiles) {
        CodeSpec traced = Programs.spec(Map.of(APP, Programs.TRACED_APP), processes, List.of("APP_PORT"));
        RunSpec run = traced.run();
        return new CodeSpec(traced.workspace(), Optional.empty(), new RunSpec(run.processes(), run.ports(), run.env(),
                run.timeout(), run.maxOutputChars(), List.of(probe), Map.of(PROBE, probe), taskFiles), List.of(),
                traced.source());
    }

    private void assertError(String run, String message) {
        Programs.assertTaskError(directory, run, message);
    }

    private CodeSpec read(String run) throws IOException {
        return Programs.readTask(directory, run);
    }
}
