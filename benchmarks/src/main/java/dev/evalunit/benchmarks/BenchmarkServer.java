package dev.evalunit.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OpenAI-compatible chat-completions server on 127.0.0.1 that answers every call after a fixed
 * delay: "The code word is kiwi-N." for a prompt naming task N. With faults on, it answers about a
 * third of the calls with 500 and some with 429 (Retry-After: 1), never failing the same task more
 * than twice in a row, so three retries always reach an answer. It counts what it served.
 */
final class BenchmarkServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TASK = Pattern.compile("task (\\d+)");
    private static final int MOST_FAULTS_PER_TASK = 2;

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "benchmark-server");
        thread.setDaemon(true);
        return thread;
    });
    private final Duration delay;
    private final boolean faults;
    private final Map<String, AtomicInteger> faultsByTask = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> answersByTask = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger served500 = new AtomicInteger();
    private final AtomicInteger served429 = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong firstNanos = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong lastNanos = new java.util.concurrent.atomic.AtomicLong();
    /** Nanoseconds every request spent at the server, from arrival to answer, summed. */
    private final java.util.concurrent.atomic.AtomicLong heldNanos = new java.util.concurrent.atomic.AtomicLong();

    private BenchmarkServer(Duration delay, boolean faults) throws IOException {
        this.delay = delay;
        this.faults = faults;
        // As real model servers do: without it the JDK's server writes status line and body in two
        // packets and the client's delayed ACK adds up to 40 ms to every call.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
        server.setExecutor(threads);
        server.createContext("/v1/chat/completions", this::handle);
        server.start();
    }

    static BenchmarkServer start(Duration delay, boolean faults) throws IOException {
        return new BenchmarkServer(delay, faults);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    int requests() {
        return requests.get();
    }

    int served500() {
        return served500.get();
    }

    int served429() {
        return served429.get();
    }

    int mostInFlight() {
        return mostInFlight.get();
    }

    /** @return from the first request's arrival to the last answer */
    Duration busy() {
        return Duration.ofNanos(lastNanos.get() - firstNanos.get());
    }

    /**
     * @return the calls the server held on average over the calls phase: at a concurrency of 16 and
     *         no cost between calls, 16; what is missing is the time a place stood empty between
     *         one trial's answer and the next trial's request
     */
    double meanInFlight() {
        long busy = lastNanos.get() - firstNanos.get();
        return busy <= 0 ? 0 : heldNanos.get() / (double) busy;
    }

    /** @return how many successful answers each task got */
    Map<String, AtomicInteger> answersByTask() {
        return answersByTask;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            long arrived = System.nanoTime();
            firstNanos.compareAndSet(0, arrived);
            int now = inFlight.incrementAndGet();
            mostInFlight.accumulateAndGet(now, Math::max);
            try {
                requests.incrementAndGet();
                JsonNode request;
                try (InputStream in = exchange.getRequestBody()) {
                    request = JSON.readTree(in);
                }
                String prompt = lastUserMessage(request);
                Matcher matcher = TASK.matcher(prompt);
                String task = matcher.find() ? matcher.group(1) : "?";
                Thread.sleep(delay.toMillis());
                if (faults) {
                    int fault = fault(task);
                    if (fault != 0) {
                        if (fault == 429) {
                            served429.incrementAndGet();
                            exchange.getResponseHeaders().set("Retry-After", "1");
                        } else {
                            served500.incrementAndGet();
                        }
                        send(exchange, fault, error(fault));
                        return;
                    }
                }
                answersByTask.computeIfAbsent(task, key -> new AtomicInteger()).incrementAndGet();
                send(exchange, 200, completion(request.path("model").asText(), "The code word is kiwi-" + task + "."));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.decrementAndGet();
                long answered = System.nanoTime();
                heldNanos.addAndGet(answered - arrived);
                lastNanos.accumulateAndGet(answered, Math::max);
            }
        }
    }

    /** @return 500, 429 or 0 (answer): a third of the calls 500, a tenth 429, at most twice per task */
    private int fault(String task) {
        AtomicInteger count = faultsByTask.computeIfAbsent(task, key -> new AtomicInteger());
        if (count.get() >= MOST_FAULTS_PER_TASK) {
            return 0;
        }
        Random random = new Random(31L * task.hashCode() + count.get() * 7919L + requests.get());
        double draw = random.nextDouble();
        int fault = draw < 1.0 / 3 ? 500 : draw < 1.0 / 3 + 0.1 ? 429 : 0;
        if (fault != 0) {
            count.incrementAndGet();
        }
        return fault;
    }

    private static String lastUserMessage(JsonNode request) {
        String last = "";
        for (JsonNode message : request.path("messages")) {
            if (message.path("role").asText().equals("user")) {
                last = message.path("content").asText();
            }
        }
        return last;
    }

    private static ObjectNode completion(String model, String text) {
        ObjectNode completion = JSON.createObjectNode().put("id", "chatcmpl-bench").put("object", "chat.completion")
                .put("created", 1_700_000_000L).put("model", model);
        ObjectNode choice = completion.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", text);
        completion.putObject("usage").put("prompt_tokens", 20).put("completion_tokens", 8).put("total_tokens", 28);
        return completion;
    }

    private static ObjectNode error(int status) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("error").put("message", status == 429 ? "Rate limit reached" : "The server had an error")
                .put("type", status == 429 ? "requests" : "server_error");
        return body;
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
