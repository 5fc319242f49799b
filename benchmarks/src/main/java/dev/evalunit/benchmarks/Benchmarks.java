package dev.evalunit.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalunit.testing.FakeOpenAiServer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The benchmark: starts a local OpenAI-compatible server with a fixed delay per call on
 * 127.0.0.1, runs generated suites through the real EvalUnit engine in forked JVMs (and a plain
 * JUnit Jupiter baseline the same way), and prints the figures with the goals they meet or miss.
 *
 * <p>Arguments: the output directory, how many times to run each scenario (medians are reported),
 * which scenarios, the server's latencies per call in milliseconds (comma-separated), how many
 * seconds to wait for a quiet machine before each run, where promptfoo is or goes ({@code off} to
 * skip it; see {@link PromptfooPeer}), and the promptfoo version to install there.
 */
public final class Benchmarks {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final int SINGLE_CALL_TASKS = 400;
    /** The server's holds per call: {@code -Dbenchmark.latency-ms}, 0, 200 and 1000 unless given. */
    private static List<Duration> latencies = List.of(Duration.ofMillis(0), Duration.ofMillis(200), Duration.ofMillis(1000));
    private static final int CONCURRENCY = 16;
    private static final int OVERHEAD_TASKS = 10_000;
    /** The scale scenario's suite sizes, run on the oracle one after another. */
    private static final int[] SCALE_TASKS = {1_000, 10_000, 50_000};
    /** Time per task at the largest size over the time per task at the middle one: linear enough. */
    private static final double LINEAR_ENOUGH = 1.25;
    /** Every test JVM gets this heap at most: the memory goal, enforced. */
    private static final String TEST_JVM_HEAP = "-Xmx512m";
    /** Below this 1-minute load average (on 2 CPUs) the machine counts as quiet. */
    private static final double QUIET_LOAD = 1.0;
    /** How long to wait for a quiet machine before each run: {@code -Dbenchmark.quiet-wait-s}, 180 unless given. */
    private static int quietWaitSeconds = 180;
    /** No scenario run may take longer; a hang is a failed benchmark, not a stuck build. */
    private static final long RUN_LIMIT_MINUTES = 10;

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        // As real model servers do: without it the JDK's server writes the status line and the body
        // in two packets, and the client's delayed ACK adds up to 40 ms to a call. Read once, when the
        // JDK's first HttpServer is made; set here, for the benchmark's server only, not in every test JVM.
        System.getProperties().putIfAbsent("sun.net.httpserver.nodelay", "true");
        Path out = Path.of(args.length > 0 ? args[0] : "target/benchmarks");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        String only = args.length > 2 ? args[2] : "concurrency,overhead,faults,dataset";
        if (args.length > 3) {
            List<Duration> given = new ArrayList<>();
            for (String millis : args[3].split(",")) {
                given.add(Duration.ofMillis(Long.parseLong(millis.strip())));
            }
            latencies = List.copyOf(given);
        }
        if (args.length > 4) {
            quietWaitSeconds = Integer.parseInt(args[4].strip());
        }
        String promptfooWhere = args.length > 5 ? args[5].strip() : out.resolve("../promptfoo").normalize().toString();
        String promptfooVersion = args.length > 6 ? args[6].strip() : "0.121.20";
        Files.createDirectories(out);
        Path singleCall = TaskFiles.write(out.resolve("tasks/single-call"), SINGLE_CALL_TASKS, false);
        Path overhead = TaskFiles.write(out.resolve("tasks/overhead"), OVERHEAD_TASKS, true);
        List<String> report = new ArrayList<>();
        report.add("Machine: " + machine());
        report.add("Runs per scenario: " + runs + " (medians), each in a fresh JVM with " + TEST_JVM_HEAP);
        report.add("");

        List<String> table = new ArrayList<>();
        if (only.contains("concurrency")) {
            PromptfooPeer.Found promptfoo = PromptfooPeer.find(promptfooWhere, promptfooVersion, out.resolve("promptfoo-runs"));
            report.add(promptfoo.peer().isPresent() ? "Peer: " + promptfoo.why() : "promptfoo: skipped, " + promptfoo.why());
            System.out.println(report.get(report.size() - 1));
            concurrency(out, runs, singleCall, promptfoo, report, table);
        }
        if (only.contains("overhead")) {
            overhead(out, runs, overhead, report);
        }
        if (only.contains("faults")) {
            faults(out, runs, singleCall, report);
        }
        if (only.contains("dataset")) {
            report.add(datasetLoad(out));
        }
        if (only.contains("loading")) {
            loading(runs, overhead, report);
        }
        if (only.contains("scale")) {
            scale(out, runs, report);
        }

        if (!table.isEmpty()) {
            report.add("");
            report.add("| latency | ideal | EvalUnit calls phase | EvalUnit wall (discovery + execution) | EvalUnit JVM start"
                    + " to exit | promptfoo wall (process start to exit) | EvalUnit JVM / promptfoo |");
            report.add("|---|---|---|---|---|---|---|");
            report.addAll(table);
            report.add("(medians; x = times the ideal)");
            report.add("");
        }
        report.add("1-minute load average at the start of each run (the benchmark waits up to 3 min for it to"
                + " fall below " + QUIET_LOAD + "): " + String.join(", ", LOADS));
        String text = String.join("\n", report) + "\n";
        Files.writeString(out.resolve("results.txt"), text);
        System.out.println("\n=== EvalUnit benchmark ===\n" + text + "(also in " + out.resolve("results.txt") + ")");
    }

    private static void concurrency(Path out, int runs, Path singleCall, PromptfooPeer.Found promptfoo,
            List<String> report, List<String> table) throws Exception {
        Path promptfooHome = out.resolve("promptfoo-runs");
        warmServer();
        if (promptfoo.peer().isPresent()) {
            // Untimed: promptfoo's first run creates its database, and both runs page in their files.
            try (FakeOpenAiServer server = FakeOpenAiServer.start(CodeWords.answering())) {
                Path config = PromptfooPeer.writeConfig(singleCall, promptfooHome.resolve("promptfooconfig.json"),
                        server.baseUrl(), CONCURRENCY);
                promptfoo.peer().get().eval(config, CONCURRENCY, promptfooHome, "warm-up", CONCURRENCY);
            }
        }
        for (Duration delay : latencies) {
            List<Double> walls = new ArrayList<>();
            List<Double> processWalls = new ArrayList<>();
            List<Double> callsPhases = new ArrayList<>();
            List<Double> meanInFlight = new ArrayList<>();
            List<Double> cpuPerTask = new ArrayList<>();
            List<Double> toFirstRequest = new ArrayList<>();
            List<Double> peerWalls = new ArrayList<>();
            List<Double> peerCallsPhases = new ArrayList<>();
            List<String> peerProblems = new ArrayList<>();
            List<Double> slotReused = new ArrayList<>();
            List<Double> middleRate = new ArrayList<>();
            int mostInFlight = 0;
            for (int run = 1; run <= runs; run++) {
                try (FakeOpenAiServer server = FakeOpenAiServer.holdingEachCall(delay, CodeWords.answering())) {
                    JsonNode result = evalunit(out, singleCall, "concurrency-" + delay.toMillis() + "ms-" + run,
                            "evalunit.model=openai", "evalunit.model.base-url=" + server.baseUrl(),
                            "evalunit.model.name=bench-model", "evalunit.model.api-key-env=EVALUNIT_BENCHMARK_NO_KEY",
                            "evalunit.concurrency=" + CONCURRENCY);
                    expectAllPassed(result, SINGLE_CALL_TASKS, "concurrency run " + run);
                    FakeOpenAiServer.Traffic traffic = server.traffic();
                    walls.add(result.path("wallMillis").asDouble());
                    processWalls.add(result.path("processWallMillis").asDouble());
                    callsPhases.add((double) traffic.callsPhase().toMillis());
                    meanInFlight.add(traffic.meanInFlight());
                    cpuPerTask.add(result.path("executionCpuMillis").asDouble() / SINGLE_CALL_TASKS);
                    // The fixed cost before the endpoint sees anything: JVM start, engine start, discovery, binding.
                    server.firstArrivalNanos().ifPresent(first -> toFirstRequest.add(
                            (first - result.path("processStartNanos").asLong()) / 1_000_000.0));
                    mostInFlight = Math.max(mostInFlight, traffic.mostInFlight());
                    if (!delay.isZero()) {
                        long[] arrivals = arrivals(server.requests());
                        ArrivalShape shape = ArrivalShape.of(arrivals, CONCURRENCY);
                        writeArrivals(arrivals, out.resolve("arrivals-" + delay.toMillis() + "ms-" + run + ".txt"));
                        slotReused.add(shape.slotReusedMillis());
                        middleRate.add(shape.middleRate());
                    }
                    System.out.printf(Locale.ROOT, "    calls phase (first request to last answer at the server): %d ms;"
                            + " calls held at once on average %.2f of %d%n", traffic.callsPhase().toMillis(),
                            traffic.meanInFlight(), CONCURRENCY);
                }
                if (promptfoo.peer().isPresent()) {
                    try (FakeOpenAiServer server = FakeOpenAiServer.holdingEachCall(delay, CodeWords.answering())) {
                        Path config = PromptfooPeer.writeConfig(singleCall, promptfooHome.resolve("promptfooconfig.json"),
                                server.baseUrl(), CONCURRENCY);
                        waitForQuietMachine();
                        PromptfooPeer.Run peer = promptfoo.peer().get().eval(config, CONCURRENCY, promptfooHome,
                                "concurrency-" + delay.toMillis() + "ms-" + run, 0);
                        FakeOpenAiServer.Traffic traffic = server.traffic();
                        peerWalls.add(peer.wallMillis());
                        peerCallsPhases.add((double) traffic.callsPhase().toMillis());
                        System.out.printf(Locale.ROOT, "  promptfoo (load at start %s): wall %.0f ms, %d passed, %d failed,"
                                        + " %d errors, exit %d; calls phase %d ms, held at once %.2f, %d requests%n",
                                LOADS.get(LOADS.size() - 1), peer.wallMillis(), peer.successes(), peer.failures(),
                                peer.errors(), peer.exitCode(), traffic.callsPhase().toMillis(), traffic.meanInFlight(),
                                traffic.requests());
                        if (peer.successes() != SINGLE_CALL_TASKS || traffic.requests() != SINGLE_CALL_TASKS) {
                            peerProblems.add(String.format(Locale.ROOT, "run %d: %d of %d passed, %d requests (see %s)",
                                    run, peer.successes(), SINGLE_CALL_TASKS, traffic.requests(), peer.log()));
                        }
                    }
                }
            }
            double ideal = SINGLE_CALL_TASKS * delay.toMillis() / (double) CONCURRENCY;
            double wall = median(walls);
            double processWall = median(processWalls);
            double calls = median(callsPhases);
            double firstRequest = toFirstRequest.isEmpty() ? Double.NaN : median(toFirstRequest);
            report.add(String.format(Locale.ROOT, "Concurrency efficiency: %d single-call tasks, %d ms per call,"
                            + " concurrency %d: ideal %.2f s; calls phase at the server %.2f s (runs: %s)%s;"
                            + " wall (discovery + execution) %.2f s (runs: %s)%s; JVM start to exit %.2f s (runs: %s);"
                            + " calls held at once on average %.2f (runs: %s), most %d;"
                            + " CPU of the test JVM per task while executing %.1f ms (runs: %s);"
                            + " JVM start to the first request at the server %.2f s (runs: %s), goal under 1.5 s: %s."
                            + " Goal calls phase within 5%% of the ideal: %s",
                    SINGLE_CALL_TASKS, delay.toMillis(), CONCURRENCY, ideal / 1000, calls / 1000, seconds(callsPhases),
                    ratio(calls, ideal), wall / 1000, seconds(walls), ratio(wall, ideal), processWall / 1000,
                    seconds(processWalls), median(meanInFlight), plain(meanInFlight), mostInFlight, median(cpuPerTask),
                    plain(cpuPerTask), firstRequest / 1000, seconds(toFirstRequest),
                    firstRequest < 1500 ? "MET" : "MISSED",
                    ideal == 0 ? "n/a at 0 ms" : calls <= ideal * 1.05 ? "MET" : "MISSED"));
            if (!delay.isZero()) {
                // Where a calls phase longer than the ideal loses its time: at the start, while the
                // first answers go through code the JVM runs for the first time, or all along.
                double idealRate = CONCURRENCY * 1000.0 / delay.toMillis();
                report.add(String.format(Locale.ROOT, "  the calls phase taken apart: request %d (the first to reuse a"
                                + " slot) arrived %.0f ms after the first (runs: %s; ideal %d ms, one call); the middle half (whole rounds)"
                                + " of the requests arrived at %.1f a second (runs: %s), %.1f%% of the ideal %.1f",
                        CONCURRENCY + 1, median(slotReused), plain(slotReused), delay.toMillis(), median(middleRate),
                        plain(middleRate), 100 * median(middleRate) / idealRate, idealRate));
            }
            String peerWall = "skipped";
            String peerRatio = "";
            String under = "n/a (promptfoo skipped)";
            if (promptfoo.peer().isPresent()) {
                double peerMedian = median(peerWalls);
                peerWall = String.format(Locale.ROOT, "%.2f s", peerMedian / 1000);
                peerRatio = String.format(Locale.ROOT, "%.2f", processWall / peerMedian);
                under = processWall < peerMedian ? "MET" : "MISSED";
                report.add(String.format(Locale.ROOT, "  promptfoo %s, same tasks, server and concurrency: wall (process"
                                + " start to exit) %.2f s (runs: %s)%s; its calls phase at the server %.2f s (runs: %s)%s."
                                + " EvalUnit's JVM start to exit / promptfoo's wall: %s. Goal EvalUnit under promptfoo: %s%s",
                        promptfoo.peer().get().version(), peerMedian / 1000, seconds(peerWalls), ratio(peerMedian, ideal),
                        median(peerCallsPhases) / 1000, seconds(peerCallsPhases), ratio(median(peerCallsPhases), ideal),
                        peerRatio, under, peerProblems.isEmpty() ? "" : "; WARNING " + String.join("; ", peerProblems)));
            }
            table.add(String.format(Locale.ROOT, "| %d ms | %.2f s | %.2f s%s | %.2f s%s | %.2f s%s | %s%s | %s |",
                    delay.toMillis(), ideal / 1000, calls / 1000, timesIdeal(calls, ideal), wall / 1000,
                    timesIdeal(wall, ideal), processWall / 1000, timesIdeal(processWall, ideal), peerWall,
                    promptfoo.peer().isPresent() ? timesIdeal(median(peerWalls), ideal) : "",
                    peerRatio.isEmpty() ? "n/a" : peerRatio));
        }
    }

    /**
     * When the requests of one run reached the server: how long the first slot took to be reused
     * (the first answer's way back through the engine to the next request), and the rate of the
     * middle half of the requests (a steady state, free of the start and the last round).
     */
    record ArrivalShape(double slotReusedMillis, double middleRate) {

        /** @param arrivals when each request arrived, in order ({@link #arrivals}) */
        static ArrivalShape of(long[] arrivals, int concurrency) {
            long first = arrivals[0];
            long reused = arrivals[concurrency];
            // Whole rounds of one request per slot, so that calls arriving in bursts (all slots
            // answered at once, as at long latencies) do not tilt the rate.
            int from = arrivals.length / 4 / concurrency * concurrency;
            int to = arrivals.length * 3 / 4 / concurrency * concurrency;
            double seconds = (arrivals[to] - arrivals[from]) / 1e9;
            return new ArrivalShape((reused - first) / 1e6, (to - from) / seconds);
        }
    }

    /**
     * Untimed: runs the fake endpoint's code in this JVM a few thousand times before the first timed
     * run, so that the first run at a latency (EvalUnit's, which always comes first) does not meet a
     * server that the JIT has not compiled yet while later runs, promptfoo's too, meet a warm one.
     */
    private static void warmServer() throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder().header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"bench-model\",\"messages\":"
                        + "[{\"role\":\"user\",\"content\":\"Say the code word of task 1.\"}]}"));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService callers = Executors.newFixedThreadPool(CONCURRENCY);
        try (FakeOpenAiServer server = FakeOpenAiServer.start(CodeWords.answering())) {
            HttpRequest call = request.uri(URI.create(server.baseUrl() + "/chat/completions")).build();
            List<Future<?>> done = new ArrayList<>();
            for (int caller = 0; caller < CONCURRENCY; caller++) {
                done.add(callers.submit(() -> {
                    for (int i = 0; i < 250; i++) {
                        client.send(call, HttpResponse.BodyHandlers.discarding());
                    }
                    return null;
                }));
            }
            for (Future<?> caller : done) {
                caller.get(RUN_LIMIT_MINUTES, TimeUnit.MINUTES);
            }
            System.out.printf(Locale.ROOT, "  the fake endpoint warmed up in this JVM: %d requests, untimed%n",
                    server.traffic().requests());
        } finally {
            callers.shutdownNow();
        }
    }

    /** @return when each request arrived at the server, in nanoseconds, in arrival order */
    private static long[] arrivals(List<FakeOpenAiServer.RecordedRequest> requests) {
        return requests.stream().mapToLong(FakeOpenAiServer.RecordedRequest::receivedNanos).sorted().toArray();
    }

    /**
     * Writes when each request arrived, in milliseconds after the first, one a line in arrival
     * order: the raw material of the calls phase's shape, for a closer look than the summary.
     */
    private static void writeArrivals(long[] arrivals, Path file) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (long arrival : arrivals) {
            lines.append(String.format(Locale.ROOT, "%.3f%n", (arrival - arrivals[0]) / 1e6));
        }
        Files.writeString(file, lines);
    }

    /** @return " (x.xx x)", or nothing when the ideal is 0 */
    private static String timesIdeal(double value, double ideal) {
        return ideal <= 0 ? "" : String.format(Locale.ROOT, " (%.2f x)", value / ideal);
    }

    /** @return ", x.xx times the ideal", or nothing when the ideal is 0 */
    private static String ratio(double value, double ideal) {
        return ideal <= 0 ? "" : String.format(Locale.ROOT, ", %.2f x the ideal", value / ideal);
    }

    private static String plain(List<Double> values) {
        List<String> texts = new ArrayList<>();
        for (double value : values) {
            texts.add(String.format(Locale.ROOT, "%.2f", value));
        }
        return String.join(", ", texts);
    }

    private static void overhead(Path out, int runs, Path overhead, List<String> report) throws Exception {
        List<Double> evalunitWalls = new ArrayList<>();
        List<Double> jupiterWalls = new ArrayList<>();
        double evalunitHeap = 0;
        double evalunitRss = 0;
        double jupiterHeap = 0;
        for (int run = 1; run <= runs; run++) {
            JsonNode engine = evalunit(out, overhead, "overhead-" + run, "evalunit.model=oracle");
            expectAllPassed(engine, OVERHEAD_TASKS, "overhead run " + run);
            evalunitWalls.add(engine.path("wallMillis").asDouble());
            evalunitHeap = Math.max(evalunitHeap, engine.path("peakHeapMB").asDouble());
            evalunitRss = Math.max(evalunitRss, engine.path("peakRssMB").asDouble());
            JsonNode plain = fork(out, "jupiter", overhead.toString());
            expectAllPassed(plain, OVERHEAD_TASKS, "baseline run " + run);
            jupiterWalls.add(plain.path("wallMillis").asDouble());
            jupiterHeap = Math.max(jupiterHeap, plain.path("peakHeapMB").asDouble());
        }
        double ratio = median(evalunitWalls) / median(jupiterWalls);
        report.add(String.format(Locale.ROOT, "Engine overhead: %d generated tasks (output and span checks) against"
                        + " the oracle: median wall %.2f s (runs: %s); plain Jupiter @TestFactory on the same files:"
                        + " median %.2f s (runs: %s); ratio %.2f. Goal at most 1.5: %s",
                OVERHEAD_TASKS, median(evalunitWalls) / 1000, seconds(evalunitWalls), median(jupiterWalls) / 1000,
                seconds(jupiterWalls), ratio, ratio <= 1.5 ? "MET" : "MISSED"));
        report.add(String.format(Locale.ROOT, "Memory of the test JVM running the %d tasks: peak heap used %.0f MB,"
                        + " peak resident set %.0f MB (the Jupiter baseline's peak heap: %.0f MB). Goal under 512 MB: %s",
                OVERHEAD_TASKS, evalunitHeap, evalunitRss, jupiterHeap, evalunitHeap < 512 ? "MET" : "MISSED"));

    }

    /**
     * The 10,000 files of the overhead scenario loaded once, cold, each way in a JVM of its own
     * ({@link FileLoad}): plain SnakeYAML, EvalUnit's loader, and the engine's whole discovery.
     */
    private static void loading(int runs, Path files, List<String> report) throws Exception {
        List<Double> plain = new ArrayList<>();
        List<Double> reused = new ArrayList<>();
        List<Double> loader = new ArrayList<>();
        List<Double> discovery = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            plain.add(fork(FileLoad.class, "plain", files.toString()).path("wallMillis").asDouble());
            reused.add(fork(FileLoad.class, "plain-reused", files.toString()).path("wallMillis").asDouble());
            loader.add(fork(FileLoad.class, "loader", files.toString()).path("wallMillis").asDouble());
            discovery.add(fork(FileLoad.class, "discovery", files.toString()).path("wallMillis").asDouble());
        }
        double ratio = median(loader) / median(plain);
        report.add(String.format(Locale.ROOT, "Task-file loading: the %d files of the overhead scenario, once, cold, in a"
                        + " fresh JVM each: plain SnakeYAML (read, new Yaml, load) %.2f s (runs: %s), with one Yaml for"
                        + " every file %.2f s (runs: %s); EvalUnit's loader"
                        + " (SuiteLoader: parse, validate, build tasks) %.2f s (runs: %s), %.2f x plain; the engine's"
                        + " discovery through the Launcher (loading and test descriptors) %.2f s (runs: %s), %.2f x plain."
                        + " Goal loading within 1.5 x plain: %s; against one Yaml for every file %.2f x",
                OVERHEAD_TASKS, median(plain) / 1000, seconds(plain), median(reused) / 1000, seconds(reused), median(loader) / 1000, seconds(loader), ratio,
                median(discovery) / 1000, seconds(discovery), median(discovery) / median(plain),
                ratio <= 1.5 ? "MET" : "MISSED", median(loader) / median(reused)));
    }

    /**
     * 1,000, 10,000 and 50,000 generated tasks on the oracle, each size in a JVM of its own with the
     * 512 MB heap: the time per task must not grow with the suite, nor the memory a finished run holds.
     */
    private static void scale(Path out, int runs, List<String> report) throws Exception {
        List<String> rows = new ArrayList<>();
        double[] perTask = new double[SCALE_TASKS.length];
        double mostHeap = 0;
        double mostLive = 0;
        for (int size = 0; size < SCALE_TASKS.length; size++) {
            int tasks = SCALE_TASKS[size];
            Path suite = TaskFiles.write(out.resolve("tasks/scale"), tasks, true);
            List<Double> walls = new ArrayList<>();
            List<Double> discoveries = new ArrayList<>();
            double peakHeap = 0;
            double peakLive = 0;
            double peakRss = 0;
            double heldAfter = 0;
            for (int run = 1; run <= runs; run++) {
                JsonNode result = evalunit(out, suite, "scale-" + tasks + "-" + run, "evalunit.model=oracle");
                expectAllPassed(result, tasks, "scale run " + run + " of " + tasks + " tasks");
                walls.add(result.path("wallMillis").asDouble());
                discoveries.add(result.path("discoveryMillis").asDouble());
                peakHeap = Math.max(peakHeap, result.path("peakOccupiedMB").asDouble());
                peakLive = Math.max(peakLive, result.path("peakLiveMB").asDouble());
                peakRss = Math.max(peakRss, result.path("peakRssMB").asDouble());
                heldAfter = Math.max(heldAfter, result.path("heapAfterRunMB").asDouble());
            }
            perTask[size] = median(walls) * 1000 / tasks;
            mostHeap = Math.max(mostHeap, peakHeap);
            mostLive = Math.max(mostLive, peakLive);
            rows.add(String.format(Locale.ROOT, "| %,d | %.2f s (runs: %s) | %.2f s | %.0f us | %.0f MB | %.0f MB | %.0f MB | %.0f MB |",
                    tasks, median(walls) / 1000, seconds(walls), median(discoveries) / 1000, perTask[size], peakHeap,
                    peakLive, heldAfter, peakRss));
        }
        double growth = perTask[perTask.length - 1] / perTask[perTask.length - 2];
        report.add(String.format(Locale.ROOT, "Scale: %s tasks on the oracle (output and span checks), each size in a"
                        + " fresh JVM with %s. Time per task at %,d / at %,d: %.2f; goal linear (at most %.2f): %s."
                        + " Heap at its fullest (before a collection) %.0f MB, most live heap (after one) %.0f MB;"
                        + " goal under 512 MB (the heap's limit, so a run past it would have failed): %s",
                java.util.Arrays.toString(SCALE_TASKS), TEST_JVM_HEAP, SCALE_TASKS[SCALE_TASKS.length - 1],
                SCALE_TASKS[SCALE_TASKS.length - 2], growth, LINEAR_ENOUGH, growth <= LINEAR_ENOUGH ? "MET" : "MISSED",
                mostHeap, mostLive, mostHeap < 512 ? "MET" : "MISSED"));
        report.add("| tasks | wall (discovery + execution) | of which discovery | per task | heap at its fullest"
                + " (before a GC) | most live heap (after a GC) | held after the run | peak resident set |");
        report.add("|---|---|---|---|---|---|---|---|");
        report.addAll(rows);
    }

    private static void faults(Path out, int runs, Path singleCall, List<String> report) throws Exception {
        List<Double> faultWalls = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            CodeWords script = CodeWords.faulty();
            try (FakeOpenAiServer server = FakeOpenAiServer.holdingEachCall(faultDelay(), script)) {
                JsonNode result = evalunit(out, singleCall, "faults-" + run, "evalunit.model=openai",
                        "evalunit.model.base-url=" + server.baseUrl(), "evalunit.model.name=bench-model",
                        "evalunit.model.api-key-env=EVALUNIT_BENCHMARK_NO_KEY", "evalunit.concurrency=" + CONCURRENCY);
                int answered = script.answersByTask().size();
                int answeredTwice = (int) script.answersByTask().values().stream().filter(n -> n.get() > 1).count();
                int requests = server.traffic().requests();
                boolean clean = result.path("passed").asInt() == SINGLE_CALL_TASKS
                        && result.path("tests").asInt() == SINGLE_CALL_TASKS
                        && result.path("reportedTwice").asInt() == 0 && answered == SINGLE_CALL_TASKS
                        && answeredTwice == 0;
                faultWalls.add(result.path("wallMillis").asDouble());
                report.add(String.format(Locale.ROOT, "Fault tolerance run %d (%d ms per call): %d requests, %d answered 500 (%.0f%%),"
                                + " %d answered 429; tasks passed %d of %d, reported twice %d; tasks the server"
                                + " answered %d, answered more than once %d; wall %.2f s. Goal every task passed,"
                                + " nothing lost or duplicated: %s",
                        run, faultDelay().toMillis(), requests, script.served500(), 100.0 * script.served500() / requests,
                        script.served429(), result.path("passed").asInt(), SINGLE_CALL_TASKS,
                        result.path("reportedTwice").asInt(), answered, answeredTwice,
                        result.path("wallMillis").asDouble() / 1000, clean ? "MET" : "MISSED " + result.path("firstProblems")));
            }
        }
        report.add(String.format(Locale.ROOT, "Fault tolerance: median wall %.2f s (runs: %s)", median(faultWalls) / 1000,
                seconds(faultWalls)));

    }

    /** @return the fault scenario's hold per call: 200 ms if listed, else the first latency listed */
    private static Duration faultDelay() {
        return latencies.contains(Duration.ofMillis(200)) ? Duration.ofMillis(200) : latencies.get(0);
    }

    private static JsonNode evalunit(Path out, Path tasks, String name, String... configuration) throws Exception {
        List<String> args = new ArrayList<>(List.of("evalunit", tasks.toString(), out.resolve("reports/" + name).toString()));
        args.addAll(List.of(configuration));
        return fork(out, args.toArray(String[]::new));
    }

    /** The 1-minute load averages at the start of each scenario run, for the report. */
    private static final List<String> LOADS = new ArrayList<>();

    /**
     * Waits (up to {@link #quietWaitSeconds}, 3 minutes unless given) for the machine to be quiet: on a shared machine another build
     * would be measured too. Returns the load average it started at.
     */
    private static double waitForQuietMachine() throws InterruptedException {
        double load = loadAverage();
        for (int waited = 0; load >= QUIET_LOAD && waited < quietWaitSeconds; waited += 5) {
            Thread.sleep(5000);
            load = loadAverage();
        }
        LOADS.add(String.format(Locale.ROOT, "%.1f", load));
        return load;
    }

    private static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException notLinux) {
            return 0;
        }
    }

    /** Runs {@link Scenario} in a fresh JVM with this JVM's class path, and reads its RESULT line. */
    /** Loading one dataset of 10,000 rows, cold, in a JVM of its own (see {@link DatasetLoad}). */
    private static String datasetLoad(Path out) throws Exception {
        waitForQuietMachine();
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                TEST_JVM_HEAP, "-cp", System.getProperty("java.class.path"), DatasetLoad.class.getName(),
                Files.createDirectories(out.resolve("tasks/dataset")).toString())
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!process.waitFor(RUN_LIMIT_MINUTES, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("the dataset scenario failed: " + printed);
        }
        return printed + "\n";
    }

    private static JsonNode fork(Path out, String... args) throws Exception {
        return fork(Scenario.class, args);
    }

    /** Runs {@code main} in a fresh JVM with this JVM's class path, and reads its RESULT line. */
    private static JsonNode fork(Class<?> main, String... args) throws Exception {
        waitForQuietMachine();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                TEST_JVM_HEAP));
        // E.g. -XX:StartFlightRecording=filename=run.jfr to profile a scenario.
        String extra = System.getenv("BENCHMARK_JVM_ARGS");
        if (extra != null && !extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        AtomicInteger lines = new AtomicInteger();
        String result = null;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.incrementAndGet();
                if (line.startsWith("RESULT ")) {
                    result = line.substring("RESULT ".length());
                }
            }
        }
        if (!process.waitFor(RUN_LIMIT_MINUTES, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("scenario " + String.join(" ", args) + " ran past " + RUN_LIMIT_MINUTES + " min");
        }
        if (result == null) {
            throw new IllegalStateException("scenario " + String.join(" ", args) + " exited " + process.exitValue()
                    + " without a RESULT line");
        }
        // The JVM's whole life, start to exit: what promptfoo's process wall is compared with.
        double processWallMillis = (System.nanoTime() - started) / 1_000_000.0;
        ObjectNode parsed = (ObjectNode) JSON.readTree(result);
        parsed.put("processWallMillis", processWallMillis);
        parsed.put("processStartNanos", started);
        System.out.println("  " + args[0] + " " + Path.of(args[1]).getFileName() + " (load at start "
                + LOADS.get(LOADS.size() - 1) + "): " + parsed);
        return parsed;
    }

    private static void expectAllPassed(JsonNode result, int tasks, String what) {
        if (result.path("passed").asInt() != tasks || result.path("tests").asInt() != tasks) {
            System.out.println("WARNING: " + what + ": " + result.path("passed").asInt() + " of " + tasks
                    + " passed; first problems: " + result.path("firstProblems"));
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static String seconds(List<Double> millis) {
        List<String> texts = new ArrayList<>();
        for (double value : millis) {
            texts.add(String.format(Locale.ROOT, "%.2f", value / 1000));
        }
        return String.join(", ", texts);
    }

    private static String machine() {
        long memoryKb = 0;
        String cpu = "";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    memoryKb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    cpu = line.substring(line.indexOf(':') + 1).trim();
                    break;
                }
            }
        } catch (IOException | RuntimeException notLinux) {
            // leave blank
        }
        return String.format(Locale.ROOT, "%d CPUs (%s), %.0f GiB RAM, %s %s, Java %s (%s)",
                Runtime.getRuntime().availableProcessors(), cpu.isEmpty() ? "unknown CPU" : cpu,
                memoryKb / 1024.0 / 1024.0, System.getProperty("os.name"), System.getProperty("os.version"),
                System.getProperty("java.version"), System.getProperty("java.vm.name"));
    }
}
