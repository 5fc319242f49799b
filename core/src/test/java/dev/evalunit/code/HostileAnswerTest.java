package dev.evalunit.code;

import com.sun.net.httpserver.HttpServer;
import dev.evalunit.sandbox.Sandboxes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Answers that try to escape, cheat or exhaust the machine, each run through the real code-task
 * runner in the bubblewrap sandbox, each shown contained with a message that says what happened.
 * docs/security.md names the test behind every line of the threat model.
 */
class HostileAnswerTest {

    private static final String APP = "src/shop/App.java";
    private static final Map<String, String> WORKSPACE = Map.of(APP, Programs.PLAIN_APP);

    @TempDir
    Path host;

    private static CodeRun run(String app, long seconds, String... args) {
        CodeSpec spec = Programs.spec(WORKSPACE, List.of(Programs.process("app", "shop.App", args)), List.of());
        return CodeTrial.run(spec, Programs.answer(APP, app), Programs.seconds(seconds), Sandboxes.BUBBLEWRAP);
    }

    private static String program(String body) {
        return """
                package shop;
                import java.io.*;
                import java.net.*;
                import java.nio.file.*;
                import java.util.*;
                public class App {
                    static void attempt(String what, Callable<Object> action) {
                        try {
                            System.out.println(what + ": " + action.call());
                        } catch (Throwable e) {
                            System.out.println(what + ": refused " + e);
                        }
                    }
                    interface Callable<T> { T call() throws Exception; }
                    public static void main(String[] args) throws Exception {
                %s
                    }
                }
                """.formatted(body);
    }

    private static boolean alive(String argument) {
        return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .anyMatch(p -> p.info().arguments().map(a -> List.of(a).contains(argument)).orElse(false));
    }

    @Test
    void seesOnlyItsOwnEnvironmentProcessesAndFiles() throws Exception {
        Path secret = Files.writeString(host.resolve("secret.txt"), "the engine's secret");
        String output = run(program("""
                System.out.println("env " + new TreeSet<>(System.getenv().keySet()));
                attempt("processes", () -> Files.list(Paths.get("/proc"))
                        .map(p -> p.getFileName().toString()).filter(n -> n.matches("\\\\d+")).count());
                attempt("pid1 environ", () -> new String(Files.readAllBytes(Paths.get("/proc/1/environ"))));
                attempt("parent environ", () -> new String(Files.readAllBytes(Paths.get("/proc/"
                        + ProcessHandle.current().parent().get().pid() + "/environ"))));
                attempt("host file", () -> Files.readString(Paths.get(args[0])));
                attempt("project", () -> Files.exists(Paths.get(args[1])));
                attempt("home", () -> Files.exists(Paths.get("/root")));
                attempt("passwd", () -> Files.readString(Paths.get("/etc/passwd")));
                attempt("write usr", () -> Files.writeString(Paths.get("/usr/evil"), "x"));
                attempt("write outside", () -> Files.writeString(Paths.get(args[2]), "x"));
                attempt("uid", () -> Files.readAllLines(Paths.get("/proc/self/status")).stream()
                        .filter(l -> l.startsWith("Uid") || l.startsWith("CapEff") || l.startsWith("NoNewPrivs"))
                        .toList());
                """), 120, secret.toString(), Path.of("pom.xml").toAbsolutePath().toString(),
                host.resolve("planted").toString()).outcome().output();

        assertThat(output).contains("env [HOME, LANG, MALLOC_ARENA_MAX, OTEL_BSP_SCHEDULE_DELAY,"
                + " OTEL_EXPORTER_OTLP_ENDPOINT, OTEL_EXPORTER_OTLP_HEADERS, OTEL_EXPORTER_OTLP_PROTOCOL,"
                + " OTEL_LOGS_EXPORTER, OTEL_METRICS_EXPORTER, OTEL_METRIC_EXPORT_INTERVAL, OTEL_SERVICE_NAME, PATH, PWD]");
        assertThat(output).containsPattern("processes: [12]\\n").contains("pid1 environ: \n")
                .contains("parent environ: \n");
        assertThat(output).doesNotContain("the engine's secret").contains("host file: refused")
                .contains("project: false").contains("home: false").contains("passwd: refused")
                .contains("write usr: refused").contains("write outside: refused")
                .containsPattern("Uid:\\s+1000").containsPattern("CapEff:\\s+0000000000000000")
                .containsPattern("NoNewPrivs:\\s+1");
        assertThat(host.resolve("planted")).doesNotExist();
    }

    @Test
    void detachedDescendantsDieWithTheRun() {
        CodeRun run = run(program("""
                new ProcessBuilder("setsid", "sh", "-c", "sleep 614 & sleep 614 &").start().waitFor();
                new ProcessBuilder("sh", "-c", "(sleep 615 &) ; nohup sleep 615 >/dev/null 2>&1 &").start().waitFor();
                System.out.println("detached");
                """), 120);

        assertThat(run.outcome().output()).contains("detached");
        assertThat(alive("614")).isFalse();
        assertThat(alive("615")).isFalse();
    }

    @Test
    void killingItsParentAndEveryProcessItCanEndsOnlyItsOwnRun() {
        CodeRun run = run(program("""
                System.out.println("killing");
                System.out.flush();
                new ProcessBuilder("sh", "-c", "kill -9 -1; kill -9 $PPID").start().waitFor();
                Thread.sleep(60_000);
                """), 120);

        assertThat(run.outcome().output()).contains("killing");
        assertThat(run.outcome().processes()).singleElement()
                .satisfies(p -> assertThat(p.exitCode()).hasValue(137));
        assertThat(run.failure()).hasValueSatisfying(f -> assertThat(f).startsWith("the run exported no spans")
                .contains("process app exited with 137"));
    }

    @Test
    void aForkBombIsStoppedByTheProcessLimitAndTheDeadline() {
        CodeRun run = run(program("""
                // The bomb waits until start() has returned: start() makes a thread of the JVM's own
                // (the reaper), which a bomb already at the process limit would refuse.
                Process bomb = new ProcessBuilder("bash", "-c",
                        "until [ -e started ]; do sleep 0.1; done; b() { b | b & }; b; sleep 616")
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                Files.writeString(Paths.get("started"), "");
                bomb.waitFor();
                """), 25);

        assertThat(run.failure()).hasValueSatisfying(f -> assertThat(f)
                .startsWith("process app did not finish within 25s (the run's timeout)"));
        assertThat(alive("616")).isFalse();
    }

    @Test
    void nativeMemoryIsCapped() {
        CodeRun run = run(program("""
                java.lang.reflect.Field field = Class.forName("sun.misc.Unsafe").getDeclaredField("theUnsafe");
                field.setAccessible(true);
                sun.misc.Unsafe unsafe = (sun.misc.Unsafe) field.get(null);
                long total = 0;
                try {
                    while (total < 64L * 1024 * 1024 * 1024) {
                        long chunk = 64L * 1024 * 1024;
                        long address = unsafe.allocateMemory(chunk);
                        unsafe.setMemory(address, chunk, (byte) 1);
                        total += chunk;
                    }
                } catch (OutOfMemoryError e) {
                    System.out.println("stopped after " + total / (1024 * 1024) + " MB: " + e);
                }
                """), 120);

        String output = run.outcome().output();
        assertThat(output).contains("stopped after").contains("OutOfMemoryError");
        long megabytes = Long.parseLong(output.replaceAll("(?s).*stopped after (\\d+) MB.*", "$1"));
        assertThat(megabytes).isLessThan(1536);
    }

    @Test
    void theDiskItCanFillIsCapped() {
        CodeRun run = run(program("""
                byte[] block = new byte[1 << 20];
                long written = 0;
                try (OutputStream out = new FileOutputStream("filler")) {
                    for (int i = 0; i < 4096; i++) {
                        out.write(block);
                        written += block.length;
                    }
                } catch (IOException e) {
                    System.out.println("stopped after " + written / (1 << 20) + " MB: " + e.getMessage());
                }
                """), 120);

        String output = run.outcome().output();
        assertThat(output).contains("stopped after").contains("No space left on device");
        assertThat(Long.parseLong(output.replaceAll("(?s).*stopped after (\\d+) MB.*", "$1"))).isLessThan(256);
    }

    @Test
    void reachesNoOtherTrialsReceiverNoHostServiceAndNoOutsideAddress() throws Exception {
        AtomicInteger hits = new AtomicInteger();
        HttpServer victim = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        victim.createContext("/", exchange -> {
            hits.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        victim.start();
        try {
            String output = run(program("""
                    attempt("other receiver", () -> { new Socket("127.0.0.1", Integer.parseInt(args[0])).close();
                            return "connected"; });
                    attempt("outside", () -> { Socket s = new Socket(); s.connect(new InetSocketAddress("1.1.1.1", 80),
                            3000); return "connected"; });
                    """), 120, String.valueOf(victim.getAddress().getPort())).outcome().output();

            assertThat(output).contains("other receiver: refused java.net.ConnectException")
                    .contains("outside: refused java.net.").doesNotContain("connected");
            assertThat(hits).hasValue(0);
        } finally {
            victim.stop(0);
        }
    }

    @Test
    void spansWithoutTheTrialsSecretAreRefused() {
        CodeRun run = run(program("""
                String endpoint = System.getenv("OTEL_EXPORTER_OTLP_ENDPOINT");
                String span = "{\\"resourceSpans\\":[{\\"resource\\":{\\"attributes\\":[{\\"key\\":"
                        + "\\"telemetry.sdk.name\\",\\"value\\":{\\"stringValue\\":\\"opentelemetry\\"}}]},"
                        + "\\"scopeSpans\\":[{\\"spans\\":[{\\"traceId\\":\\"5b8efff798038103d269b633813fc60c\\","
                        + "\\"spanId\\":\\"eee19b7ec3c1b174\\",\\"name\\":\\"forged\\",\\"kind\\":2,"
                        + "\\"startTimeUnixNano\\":\\"1\\",\\"endTimeUnixNano\\":\\"2\\"}]}]}]}";
                HttpURLConnection post = (HttpURLConnection) new URL(endpoint + "/v1/traces").openConnection();
                post.setDoOutput(true);
                post.setRequestProperty("Content-Type", "application/json");
                post.getOutputStream().write(span.getBytes());
                System.out.println("status " + post.getResponseCode());
                """), 120);

        assertThat(run.outcome().output()).contains("status 401");
        assertThat(run.spans()).isEmpty();
        assertThat(run.failure()).hasValueSatisfying(f -> assertThat(f).startsWith("the run exported no spans")
                .contains("401: a request without this trial's x-evalunit-trial header"));
    }

    @Test
    void aGzipBombIsRefusedAtTheRequestCapWithoutExhaustingTheEngine() {
        CodeRun run = run(program("""
                String endpoint = System.getenv("OTEL_EXPORTER_OTLP_ENDPOINT");
                String token = System.getenv("OTEL_EXPORTER_OTLP_HEADERS").split("=", 2)[1];
                for (int i = 0; i < 3; i++) {
                    HttpURLConnection post = (HttpURLConnection) new URL(endpoint + "/v1/traces").openConnection();
                    post.setDoOutput(true);
                    post.setRequestProperty("Content-Type", "application/x-protobuf");
                    post.setRequestProperty("Content-Encoding", "gzip");
                    post.setRequestProperty("x-evalunit-trial", token);
                    try (OutputStream out = new java.util.zip.GZIPOutputStream(post.getOutputStream())) {
                        byte[] zeros = new byte[1 << 20];
                        for (int m = 0; m < 1024; m++) {
                            out.write(zeros);
                        }
                        System.out.println("status " + post.getResponseCode());
                    } catch (IOException e) {
                        // The receiver answers 413 and closes while the bomb is still being sent.
                        System.out.println("cut off: " + e);
                    }
                }
                """), 120);

        assertThat(run.outcome().output()).containsAnyOf("status 413", "cut off");
        assertThat(run.spans()).isEmpty();
        assertThat(run.failure()).hasValueSatisfying(f -> assertThat(f)
                .contains("413: a body larger than 4194304 bytes (decompressed)"));
    }

    /**
     * A program that exports one real span and then {@code bodies} gzipped requests of 4 MB of
     * zeros each: every body is within the per-request cap, so only the per-trial cap (32 MB,
     * decompressed) can stop them. The zeros do not parse as OTLP, but they are counted first.
     */
    private static CodeRun telemetryFlood(int bodies) {
        return run(program("""
                String endpoint = System.getenv("OTEL_EXPORTER_OTLP_ENDPOINT");
                String token = System.getenv("OTEL_EXPORTER_OTLP_HEADERS").split("=", 2)[1];
                String span = "{\\"resourceSpans\\":[{\\"scopeSpans\\":[{\\"spans\\":[{"
                        + "\\"traceId\\":\\"0af7651916cd43dd8448eb211c80319c\\","
                        + "\\"spanId\\":\\"b7ad6b7169203331\\",\\"name\\":\\"checkout\\","
                        + "\\"startTimeUnixNano\\":\\"1700000000000000000\\","
                        + "\\"endTimeUnixNano\\":\\"1700000000500000000\\"}]}]}]}";
                for (int i = -1; i < %d; i++) {
                    HttpURLConnection post = (HttpURLConnection) new URL(endpoint + "/v1/traces").openConnection();
                    post.setDoOutput(true);
                    post.setRequestProperty("x-evalunit-trial", token);
                    if (i < 0) {
                        post.setRequestProperty("Content-Type", "application/json");
                        post.getOutputStream().write(span.getBytes("UTF-8"));
                    } else {
                        post.setRequestProperty("Content-Type", "application/x-protobuf");
                        post.setRequestProperty("Content-Encoding", "gzip");
                        try (OutputStream out = new java.util.zip.GZIPOutputStream(post.getOutputStream())) {
                            out.write(new byte[4 << 20]);
                        }
                    }
                    System.out.println("request " + i + ": status " + post.getResponseCode());
                }
                """.formatted(bodies)), 120);
    }

    @Test
    void telemetryOverThePerTrialCapFailsTheTrialSayingSo() {
        CodeRun run = telemetryFlood(9);

        assertThat(run.outcome().output()).contains("request -1: status 200", "request 8: status 413");
        assertThat(run.spans()).extracting(span -> span.getName()).containsExactly("checkout");
        assertThat(run.failure()).hasValue("the run sent more than " + OtlpReceiver.MAX_TRIAL_BYTES
                + " bytes of telemetry (decompressed) to its receiver, the most one trial may send;"
                + " the rest was refused");
    }

    @Test
    void telemetryUnderThePerTrialCapIsNotAFailure() {
        CodeRun run = telemetryFlood(2);

        assertThat(run.outcome().output()).contains("request -1: status 200", "request 1: status 400");
        assertThat(run.spans()).extracting(span -> span.getName()).containsExactly("checkout");
        assertThat(run.failure()).isEmpty();
    }

    @Test
    void aCompilerBusyAnswerIsStoppedAtTheDeadlineSayingCompilingTookTooLong() {
        String expression = "1";
        for (int i = 0; i < 12; i++) {
            expression = "f(c?" + expression + ":f(" + i + "))";
        }
        String bomb = "package shop;\npublic class App { static <T> T f(T t){return t;} static boolean c;\n"
                + " Object o = " + expression + ";\n public static void main(String[] a) {}\n}\n";

        CodeRun run = run(bomb, 20);

        assertThat(run.failure()).hasValueSatisfying(f -> assertThat(f)
                .startsWith("compiling took longer than 20s (the run's timeout) (the compiler was stopped"));
        assertThat(run.outcome().processes()).isEmpty();
    }

    @Test
    void aCompilerCrashIsSummarisedInALine() {
        String nested = "(".repeat(20_000) + "1" + ")".repeat(20_000);
        CodeRun run = run("package shop;\npublic class App { int x = " + nested + "; }\n", 120);

        assertThat(run.failure()).hasValueSatisfying(f -> assertThat(f)
                .startsWith("the compiler crashed on the answer: java.lang.StackOverflowError").hasSizeLessThan(1000));
    }

    @Test
    void filesThatCannotBeWrittenAsGivenAreTheModelsMistakes() {
        CodeSpec spec = Programs.spec(WORKSPACE, List.of(Programs.process("app", "shop.App")), List.of());

        assertThat(CodeTrial.run(spec, Programs.answer("src/shop", "x"), Programs.seconds(30), Sandboxes.BUBBLEWRAP)
                .failure()).hasValueSatisfying(f -> assertThat(f).startsWith("the answer's file src/shop names a folder"));
        assertThat(CodeTrial.run(spec, Programs.answer(APP + "/Inner.java", "x"), Programs.seconds(30),
                Sandboxes.BUBBLEWRAP).failure()).hasValueSatisfying(f -> assertThat(f)
                .startsWith("the answer's file src/shop/App.java/Inner.java would be under src/shop/App.java, which is"
                        + " a file"));
        assertThat(CodeTrial.run(spec, Programs.answer(APP, "class App {}\n// \uD800\n"), Programs.seconds(30),
                Sandboxes.BUBBLEWRAP).failure()).hasValue("the answer's file src/shop/App.java holds text that is not"
                + " Unicode: a lone surrogate (U+D800) on line 2");
    }
}
