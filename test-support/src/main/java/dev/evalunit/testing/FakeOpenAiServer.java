package dev.evalunit.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The one fake model endpoint of EvalUnit's tests: a real HTTP server on {@code 127.0.0.1} and a
 * free port that speaks OpenAI's chat-completions protocol (non-streaming, tool calls included),
 * answering each request as its script says and recording every request for assertions. Models
 * under test, judges and agents are all tested against it, and the benchmark measures the engine
 * against it: {@link #holdingEachCall} makes it an endpoint with a fixed latency, and
 * {@link #traffic()} says how many calls it held at once and when the first arrived and the last was
 * answered.
 */
public final class FakeOpenAiServer implements AutoCloseable {

    public static final String COMPLETIONS_PATH = "/v1/chat/completions";

    /** Usage every successful reply reports, so tests can check token attributes and sums. */
    public static final int PROMPT_TOKENS = 100;
    public static final int COMPLETION_TOKENS = 20;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final Sleeper SLEEP = hold -> TimeUnit.NANOSECONDS.sleep(hold.toNanos());

    private final HttpServer server;
    private final ExecutorService threads;
    private final Function<RecordedRequest, Reply> script;
    private final Duration hold;
    private final Sleeper sleeper;
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger replies = new AtomicInteger();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final AtomicInteger heldCalls = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();
    private final AtomicLong firstArrivalNanos = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong lastAnswerNanos = new AtomicLong(Long.MIN_VALUE);
    /** Every chat-completions exchange's time at the server, arrival to answer, summed. */
    private final AtomicLong exchangeNanos = new AtomicLong();

    private FakeOpenAiServer(Function<RecordedRequest, Reply> script, Duration hold, Sleeper sleeper)
            throws IOException {
        this.script = Objects.requireNonNull(script, "script");
        this.hold = Objects.requireNonNull(hold, "hold");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        if (hold.isNegative()) {
            throw new IllegalArgumentException("a hold cannot be negative: " + hold);
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        // The engine runs tasks in parallel: answer them in parallel too.
        threads = Executors.newCachedThreadPool();
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * @param script decides the reply to each chat-completions request
     * @return a running server
     */
    public static FakeOpenAiServer start(Function<RecordedRequest, Reply> script) {
        return holdingEachCall(Duration.ZERO, SLEEP, script);
    }

    /**
     * An endpoint with a fixed latency: every chat-completions request is held for {@code hold}
     * after its body is read, whatever its script then replies (an error too).
     *
     * @param hold how long each call takes at the server; zero for no hold
     * @param script decides the reply to each request
     * @return a running server
     */
    public static FakeOpenAiServer holdingEachCall(Duration hold, Function<RecordedRequest, Reply> script) {
        return holdingEachCall(hold, SLEEP, script);
    }

    /**
     * @param hold how long each call takes at the server; zero for no hold
     * @param sleeper spends each hold (the thread sleeps in {@link #holdingEachCall(Duration, Function)}):
     *        a test of the fake itself passes one that records the holds
     * @param script decides the reply to each request
     * @return a running server
     */
    public static FakeOpenAiServer holdingEachCall(Duration hold, Sleeper sleeper,
            Function<RecordedRequest, Reply> script) {
        try {
            return new FakeOpenAiServer(script, hold, sleeper);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How a hold is spent: the handling thread sleeps, unless a test says otherwise. */
    @FunctionalInterface
    public interface Sleeper {

        /** @param hold never negative */
        void sleep(Duration hold) throws InterruptedException;
    }

    /**
     * @param script the replies to the first requests, one each in arrival order; the last one
     *        answers every later request
     * @return a running server
     */
    @SafeVarargs
    public static FakeOpenAiServer replying(Function<RecordedRequest, Reply>... script) {
        if (script.length == 0) {
            throw new IllegalArgumentException("a script needs at least one reply");
        }
        List<Function<RecordedRequest, Reply>> replies = List.of(script);
        AtomicInteger count = new AtomicInteger();
        return start(request -> replies.get(Math.min(count.getAndIncrement(), replies.size() - 1)).apply(request));
    }

    /** @return a script step whose reply is the final answer {@code text} */
    public static Function<RecordedRequest, Reply> answers(String text) {
        return request -> request.answer(text);
    }

    /** @return a script step whose reply is an HTTP error with OpenAI's error body */
    public static Function<RecordedRequest, Reply> fails(int status, String message) {
        return request -> Reply.error(status, message);
    }

    /**
     * A model that calls one tool, then, once the conversation holds the tool's result, answers.
     *
     * @param tool the tool to call
     * @param arguments the call's arguments, as a JSON object text
     * @param answer the final answer
     */
    public static Function<RecordedRequest, Reply> callsToolThenAnswers(String tool, String arguments, String answer) {
        return request -> request.hasToolResult() ? request.answer(answer) : request.callTool(tool, arguments);
    }

    /** @return what EvalUnit's {@code evalunit.model.base-url} must be: {@code http://127.0.0.1:PORT/v1} */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** @return every chat-completions request received so far, in arrival order */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** @return what the server has served so far: counts, calls held at once, the calls phase */
    public Traffic traffic() {
        long first = firstArrivalNanos.get();
        long last = lastAnswerNanos.get();
        Duration phase = last >= first ? Duration.ofNanos(last - first) : Duration.ZERO;
        double meanInFlight = phase.isZero() ? 0 : exchangeNanos.get() / (double) phase.toNanos();
        return new Traffic(requests.size(), heldCalls.get(), mostInFlight.get(), phase, meanInFlight);
    }

    /**
     * @return when the first chat-completions request arrived, on {@link System#nanoTime()}'s scale (so
     *         comparable with other instants taken in this JVM), or empty before any
     */
    public java.util.OptionalLong firstArrivalNanos() {
        long first = firstArrivalNanos.get();
        return first == Long.MAX_VALUE ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(first);
    }

    /**
     * What the server has served, for the benchmark and for tests of the fake itself.
     *
     * @param requests chat-completions requests received
     * @param heldCalls of those, how many were held for the server's hold (none when it has none)
     * @param mostInFlight the most chat-completions exchanges the server was in at once
     * @param callsPhase from the first request's arrival to the last answer sent; zero before any answer
     * @param meanInFlight the exchanges the server was in at once, on average over the calls phase: at
     *        a client's concurrency of 16 with no gap between one answer and the next request, 16
     */
    public record Traffic(int requests, int heldCalls, int mostInFlight, Duration callsPhase, double meanInFlight) {
    }

    /** Stops listening: later connections are refused. */
    @Override
    public void close() {
        closed.countDown();
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        // Every chat-completions exchange counts in traffic(), from its arrival to its answer sent.
        boolean completions = exchange.getRequestURI().getPath().equals(COMPLETIONS_PATH);
        long arrived = System.nanoTime();
        if (completions) {
            firstArrivalNanos.accumulateAndGet(arrived, Math::min);
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        }
        try {
            exchange(exchange);
        } finally {
            if (completions) {
                inFlight.decrementAndGet();
                long answered = System.nanoTime();
                exchangeNanos.addAndGet(answered - arrived);
                lastAnswerNanos.accumulateAndGet(answered, Math::max);
            }
        }
    }

    private void exchange(HttpExchange exchange) throws IOException {
        try (exchange) {
            Reply reply;
            if (!exchange.getRequestURI().getPath().equals(COMPLETIONS_PATH)) {
                reply = Reply.error(404, "Unknown path " + exchange.getRequestURI().getPath()
                        + "; this fake serves POST " + COMPLETIONS_PATH + " only");
            } else if (!exchange.getRequestMethod().equals("POST")) {
                reply = Reply.error(405, "Use POST for " + COMPLETIONS_PATH);
            } else {
                reply = reply(exchange);
            }
            switch (reply.fault()) {
                case HANG:
                    // Until the server is closed: the client's deadline has to end the call.
                    try {
                        closed.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return;
                case DROP_CONNECTION:
                    // Close without a status line: the client reads a connection closed before any answer.
                    return;
                default:
                    break;
            }
            byte[] body = reply.rawBody() != null ? reply.rawBody().getBytes(StandardCharsets.UTF_8)
                    : JSON.writeValueAsBytes(reply.body());
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            exchange.sendResponseHeaders(reply.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private Reply reply(HttpExchange exchange) throws IOException {
        JsonNode body;
        try (InputStream in = exchange.getRequestBody()) {
            body = JSON.readTree(in);
        }
        RecordedRequest request = new RecordedRequest(body,
                Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization")), replies, System.nanoTime());
        requests.add(request);
        if (body.path("stream").asBoolean(false)) {
            // The openai model must use the blocking client; a streaming request is a bug to surface.
            return Reply.error(400, "This fake does not stream; the request asked for stream: true");
        }
        if (!hold.isZero()) {
            try {
                sleeper.sleep(hold);
            } catch (InterruptedException e) {
                // The server is closing.
                Thread.currentThread().interrupt();
                return Reply.dropConnection();
            }
            heldCalls.incrementAndGet();
        }
        try {
            return script.apply(request);
        } catch (RuntimeException e) {
            return Reply.error(500, "The fake server's script failed: " + e);
        }
    }

    /**
     * One chat-completions request as received: its JSON body and its {@code Authorization} header.
     * Builds the replies a model would give to it.
     */
    public static final class RecordedRequest {

        private final JsonNode body;
        private final Optional<String> authorization;
        private final AtomicInteger replies;
        private final long receivedNanos;

        private RecordedRequest(JsonNode body, Optional<String> authorization, AtomicInteger replies,
                long receivedNanos) {
            this.body = body;
            this.authorization = authorization;
            this.replies = replies;
            this.receivedNanos = receivedNanos;
        }

        /** @return when the request arrived, on {@link System#nanoTime()}'s scale */
        public long receivedNanos() {
            return receivedNanos;
        }

        public JsonNode body() {
            return body;
        }

        public Optional<String> authorization() {
            return authorization;
        }

        /** @return the token after {@code Bearer }, or empty text */
        public String bearerToken() {
            return authorization.filter(value -> value.startsWith("Bearer ")).map(value -> value.substring(7))
                    .orElse("");
        }

        public String model() {
            return body.path("model").asText();
        }

        /** @return the roles of the conversation, in order, e.g. {@code [system, user, assistant, tool]} */
        public List<String> roles() {
            List<String> roles = new ArrayList<>();
            body.path("messages").forEach(message -> roles.add(message.path("role").asText()));
            return roles;
        }

        /** @return the conversation's messages with {@code role} */
        public List<JsonNode> messages(String role) {
            List<JsonNode> found = new ArrayList<>();
            body.path("messages").forEach(message -> {
                if (message.path("role").asText().equals(role)) {
                    found.add(message);
                }
            });
            return found;
        }

        /** @return the text of every message of the conversation, in order */
        public List<String> texts() {
            List<String> texts = new ArrayList<>();
            body.path("messages").forEach(message -> texts.add(message.path("content").asText()));
            return texts;
        }

        /** @return whether the conversation holds a tool's result: the model has called a tool */
        public boolean hasToolResult() {
            return !messages("tool").isEmpty();
        }

        /** @return the content of the last user message */
        public String prompt() {
            List<JsonNode> user = messages("user");
            return user.isEmpty() ? "" : user.get(user.size() - 1).path("content").asText();
        }

        /** @return a reply whose message is the final answer {@code text} */
        public Reply answer(String text) {
            ObjectNode message = NODES.objectNode().put("role", "assistant").put("content", text);
            return completion(message, "stop");
        }

        /**
         * @param tool the tool's name
         * @param arguments the arguments, as a JSON object text (sent as a string, as OpenAI does)
         * @return a reply whose message calls {@code tool}
         */
        public Reply callTool(String tool, String arguments) {
            ObjectNode call = NODES.objectNode().put("id", "call_" + replies.incrementAndGet()).put("type", "function");
            call.putObject("function").put("name", tool).put("arguments", arguments);
            ObjectNode message = NODES.objectNode().put("role", "assistant").putNull("content");
            message.putArray("tool_calls").add(call);
            return completion(message, "tool_calls");
        }

        private Reply completion(ObjectNode message, String finishReason) {
            ObjectNode completion = NODES.objectNode()
                    .put("id", "chatcmpl-" + replies.incrementAndGet())
                    .put("object", "chat.completion")
                    .put("created", 1_700_000_000L)
                    .put("model", model());
            ArrayNode choices = completion.putArray("choices");
            choices.addObject().put("index", 0).put("finish_reason", finishReason).set("message", message);
            completion.putObject("usage")
                    .put("prompt_tokens", PROMPT_TOKENS)
                    .put("completion_tokens", COMPLETION_TOKENS)
                    .put("total_tokens", PROMPT_TOKENS + COMPLETION_TOKENS);
            return new Reply(200, completion);
        }

        @Override
        public String toString() {
            return body.toString();
        }
    }

    /**
     * What the server sends back.
     *
     * @param status the HTTP status
     * @param body the JSON body
     * @param headers extra response headers, e.g. {@code Retry-After}
     * @param rawBody sent instead of {@code body} when set: a body that is not the JSON the client expects
     * @param fault how the exchange misbehaves, if it does
     */
    public record Reply(int status, JsonNode body, Map<String, String> headers, String rawBody, Fault fault) {

        /** Ways an exchange goes wrong below HTTP. */
        public enum Fault {
            NONE,
            /** Never answer; the handler waits until the server is closed. */
            HANG,
            /** Close the connection without sending a status line. */
            DROP_CONNECTION
        }

        public Reply(int status, JsonNode body) {
            this(status, body, Map.of(), null, Fault.NONE);
        }

        /**
         * @param status an HTTP error status, such as 401 or 500
         * @param message the error's message, as OpenAI words it
         * @return an error reply with OpenAI's error body: {@code {"error": {"message", "type", "code"}}}
         */
        public static Reply error(int status, String message) {
            ObjectNode body = NODES.objectNode();
            ObjectNode error = body.putObject("error").put("message", message)
                    .put("type", status >= 500 ? "server_error" : "invalid_request_error");
            error.putNull("param");
            if (status == 401) {
                error.put("code", "invalid_api_key");
            } else {
                error.putNull("code");
            }
            return new Reply(status, body);
        }

        /** @return a 200 whose body is {@code text}, which is not a chat completion */
        public static Reply garbage(String text) {
            return new Reply(200, NODES.nullNode(), Map.of(), text, Fault.NONE);
        }

        /** @return no answer at all, until the server closes */
        public static Reply hang() {
            return new Reply(0, NODES.nullNode(), Map.of(), null, Fault.HANG);
        }

        /** @return the connection closed before any answer */
        public static Reply dropConnection() {
            return new Reply(0, NODES.nullNode(), Map.of(), null, Fault.DROP_CONNECTION);
        }

        /** @return this reply with one more header */
        public Reply withHeader(String name, String value) {
            Map<String, String> more = new java.util.LinkedHashMap<>(headers);
            more.put(name, value);
            return new Reply(status, body, Map.copyOf(more), rawBody, fault);
        }
    }

    /**
     * @param faults the replies to the first requests, one each, in arrival order
     * @param then the script for every later request
     * @return a script that misbehaves first, then answers as {@code then} does
     */
    @SafeVarargs
    public static Function<RecordedRequest, Reply> failingFirst(Function<RecordedRequest, Reply> then,
            Function<RecordedRequest, Reply>... faults) {
        AtomicInteger count = new AtomicInteger();
        return request -> {
            int index = count.getAndIncrement();
            return index < faults.length ? faults[index].apply(request) : then.apply(request);
        };
    }
}
