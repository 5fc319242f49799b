package dev.evalunit.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.evalunit.task.Task;
import dev.evalunit.task.TaskMessage;
import dev.evalunit.task.ToolFixture;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A hash of what a task sends to the model (its messages, and its tools with their results), so
 * a replay can tell that the task file changed since it was recorded. The checks and the
 * reference are left out: changing a check needs no new recording.
 */
final class TaskFingerprint {

    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private TaskFingerprint() {
    }

    static String of(Task task) {
        Map<String, Object> input = new LinkedHashMap<>();
        List<Object> messages = new ArrayList<>();
        for (TaskMessage message : task.messages()) {
            messages.add(List.of(message.role().name(), message.content()));
        }
        input.put("messages", messages);
        List<Object> tools = new ArrayList<>();
        for (ToolFixture tool : task.tools()) {
            Map<String, Object> fixture = new LinkedHashMap<>();
            fixture.put("name", tool.name());
            fixture.put("description", tool.description());
            fixture.put("parameters", tool.parameters());
            fixture.put("result", tool.result());
            tools.add(fixture);
        }
        input.put("tools", tools);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(CANONICAL.writeValueAsBytes(input));
            StringBuilder hex = new StringBuilder();
            for (byte b : digest) {
                hex.append(String.format("%02x", b));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException("cannot hash the input of task " + task.id(), e);
        }
    }
}
