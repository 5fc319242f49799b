package dev.evalunit.judge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A judge behind a real HTTP server on {@code 127.0.0.1} and a free port, speaking OpenAI's
 * chat-completions protocol: it answers the requests, in arrival order, with the replies of its
 * script (the last reply repeats), and records every request.
 */
final class ScriptedJudgeServer implements AutoCloseable {

    static final String COMPLETIONS_PATH = "/v1/chat/completions";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final HttpServer server;
    private final ExecutorService threads;
    private final List<Reply> script;
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger count = new AtomicInteger();

    private ScriptedJudgeServer(List<Reply> script) throws IOException {
        this.script = List.copyOf(script);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        threads = Executors.newCachedThreadPool();
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** @param script the replies to the first requests, in order; the last one answers every later request */
    static ScriptedJudgeServer start(Reply... script) {
        if (script.length == 0) {
            throw new IllegalArgumentException("a script needs at least one reply");
        }
        try {
            return new ScriptedJudgeServer(List.of(script));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return {@code http://127.0.0.1:PORT/v1} */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** @return every chat-completions request body received so far, in arrival order */
    List<JsonNode> requests() {
        return List.copyOf(requests);
    }

    /** @return the text of every message of request {@code index}, in order */
    List<String> messages(int index) {
        List<String> texts = new ArrayList<>();
        requests.get(index).path("messages").forEach(message -> texts.add(message.path("content").asText()));
        return texts;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Reply reply;
            if (!exchange.getRequestURI().getPath().equals(COMPLETIONS_PATH)) {
                reply = Reply.error(404, "this fake serves POST " + COMPLETIONS_PATH + " only");
            } else {
                try (InputStream in = exchange.getRequestBody()) {
                    JsonNode body = JSON.readTree(in);
                    requests.add(body);
                    int index = count.getAndIncrement();
                    reply = script.get(Math.min(index, script.size() - 1));
                }
            }
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /**
     * What the server sends back.
     *
     * @param status the HTTP status
     * @param body the response body
     */
    record Reply(int status, String body) {

        /** @return a chat completion whose assistant message is {@code content}, as the judge's reply text */
        static Reply says(String content) {
            ObjectNode completion = NODES.objectNode()
                    .put("id", "chatcmpl-judge")
                    .put("object", "chat.completion")
                    .put("created", 1_700_000_000L)
                    .put("model", "judge-model");
            ObjectNode message = NODES.objectNode().put("role", "assistant").put("content", content);
            completion.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop")
                    .set("message", message);
            completion.putObject("usage").put("prompt_tokens", 300).put("completion_tokens", 30)
                    .put("total_tokens", 330);
            return new Reply(200, completion.toString());
        }

        /** @return a verdict as a judge following the format replies it */
        static Reply verdict(String verdict, String reason) {
            return says(NODES.objectNode().put("reason", reason).put("verdict", verdict).toString());
        }

        /** @return an error with OpenAI's error body */
        static Reply error(int status, String message) {
            ObjectNode body = NODES.objectNode();
            body.putObject("error").put("message", message)
                    .put("type", status >= 500 ? "server_error" : "invalid_request_error").putNull("code");
            return new Reply(status, body.toString());
        }
    }
}
