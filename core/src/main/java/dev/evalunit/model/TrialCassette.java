package dev.evalunit.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalunit.config.Constants;
import dev.evalunit.task.Task;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.ChatRequestOptions;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * One trial's recording. Calls are numbered in the order the trial makes them, across every model
 * it calls; in {@code record} mode each exchange is kept and the file written when the trial ends,
 * in {@code replay} mode each call is answered from the file, after checking that the task and
 * the request are the ones recorded.
 */
final class TrialCassette {

    private static final int FORMAT = 1;

    private final CassetteMode mode;
    private final Path file;
    private final Task task;
    private final int trial;
    private final String model;
    private final String recordCommand;
    private final String fingerprint;
    private final AtomicInteger calls = new AtomicInteger();
    private final Map<Integer, ObjectNode> recorded = new TreeMap<>();
    private JsonNode replayed;

    TrialCassette(CassetteMode mode, Path file, Task task, int trial, String model, String recordCommand) {
        this.mode = Objects.requireNonNull(mode, "mode");
        this.file = Objects.requireNonNull(file, "file");
        this.task = Objects.requireNonNull(task, "task");
        this.trial = trial;
        this.model = Objects.requireNonNull(model, "model");
        this.recordCommand = Objects.requireNonNull(recordCommand, "recordCommand");
        this.fingerprint = mode == CassetteMode.OFF ? "" : TaskFingerprint.of(task);
    }

    Path file() {
        return file;
    }

    /** @return {@code model}, its calls recorded or replayed */
    ChatModel wrap(ChatModel model) {
        return mode == CassetteMode.OFF ? model : new Recorded(model);
    }

    /** Writes the recording, in {@code record} mode, when the trial made a call. */
    void finish() {
        ObjectNode document;
        synchronized (this) {
            if (mode != CassetteMode.RECORD || recorded.isEmpty()) {
                return;
            }
            document = ExchangeJson.JSON.createObjectNode();
            document.put("evalunit-cassette", FORMAT)
                    .put("task", task.id())
                    .put("trial", trial)
                    .put("model", model)
                    .put("task-input-sha256", fingerprint)
                    .put("recorded-with", recordCommand);
            document.putArray("calls").addAll(recorded.values());
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName(), ".tmp");
            try {
                ExchangeJson.JSON.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), document);
                try {
                    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new CassetteException("could not write the recording of task " + task.id() + ", trial " + trial
                    + " [" + model + "] to " + file + ": " + e, e);
        }
    }

    private ChatResponse exchange(ChatRequest request, Supplier<ChatResponse> call) {
        int index = calls.incrementAndGet();
        if (mode == CassetteMode.RECORD) {
            ChatResponse response = call.get();
            ObjectNode exchange = ExchangeJson.JSON.createObjectNode().put("call", index);
            exchange.set("request", ExchangeJson.request(request));
            exchange.set("response", ExchangeJson.response(response));
            synchronized (this) {
                recorded.put(index, exchange);
            }
            return response;
        }
        return replay(index, request);
    }

    private ChatResponse replay(int index, ChatRequest request) {
        JsonNode recording = recording(index);
        String where = "task " + task.id() + ", trial " + trial + ", call " + index + " [" + model + "]";
        if (!fingerprint.equals(recording.path("task-input-sha256").asText())) {
            throw new CassetteException("task " + task.id() + " changed since it was recorded (" + where + "): its"
                    + " messages or tools differ from those recorded in " + file + " (" + task.source().path()
                    + "); record it again with " + recordCommand);
        }
        JsonNode exchange = null;
        for (JsonNode candidate : recording.path("calls")) {
            if (candidate.path("call").asInt() == index) {
                exchange = candidate;
            }
        }
        if (exchange == null) {
            throw new CassetteException("no recording of " + where + ": " + file + " holds "
                    + recording.path("calls").size() + " calls, and the trial made another; record it again with "
                    + recordCommand);
        }
        JsonNode now = ExchangeJson.request(request);
        if (!now.equals(exchange.path("request"))) {
            throw new CassetteException("the request of " + where + " differs from the one recorded in " + file
                    + ": " + RequestDifference.describe(exchange.path("request"), now)
                    + "; the task or the code that calls the model changed since; record it again with " + recordCommand);
        }
        try {
            return ExchangeJson.response(exchange.path("response"));
        } catch (RuntimeException e) {
            throw new CassetteException("the response of " + where + " in " + file + " cannot be read (" + e
                    + "); record it again with " + recordCommand, e);
        }
    }

    private synchronized JsonNode recording(int index) {
        if (replayed == null) {
            String where = "task " + task.id() + ", trial " + trial + ", call " + index + " [" + model + "]";
            try {
                replayed = ExchangeJson.JSON.readTree(file.toFile());
            } catch (NoSuchFileException | java.io.FileNotFoundException e) {
                throw missing(where);
            } catch (IOException e) {
                if (!Files.exists(file)) {
                    throw missing(where);
                }
                throw new CassetteException("the recording of " + where + " in " + file + " cannot be read: "
                        + e.getMessage() + "; record it again with " + recordCommand, e);
            }
        }
        return replayed;
    }

    private CassetteException missing(String where) {
        return new CassetteException("no recording of " + where + ": " + file + " does not exist ("
                + Constants.CASSETTE_PROPERTY_NAME + "=" + Constants.CASSETTE_REPLAY + " never calls the endpoint);"
                + " record it against the endpoint with " + recordCommand + ", then commit the file");
    }

    /** The model with its calls going through this cassette; what it says about itself is the model's. */
    private final class Recorded extends DecoratingChatModel {

        Recorded(ChatModel delegate) {
            super(delegate);
        }

        @Override
        public ChatResponse chat(ChatRequest request) {
            return exchange(request, () -> delegate.chat(request));
        }

        @Override
        public ChatResponse chat(ChatRequest request, ChatRequestOptions options) {
            return exchange(request, () -> delegate.chat(request, options));
        }
    }
}
