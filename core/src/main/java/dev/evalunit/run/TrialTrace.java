package dev.evalunit.run;

import dev.evalunit.model.GenAiAttributes;
import dev.evalunit.report.MessageRecord;
import dev.evalunit.report.SpanRecord;
import dev.evalunit.task.Task;
import dev.evalunit.task.TaskMessage;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanId;
import io.opentelemetry.sdk.trace.data.SpanData;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What a results line keeps of a trial for people to look at: its conversation and its spans,
 * redacted and bounded, so that a model that answers with megabytes or loops over thousands of
 * spans cannot blow up the results file or the report.
 */
final class TrialTrace {

    /** The longest text kept, in characters; longer ones are cut and say by how much. */
    static final int MAX_TEXT = 4_000;
    /** The most spans kept per trial: the first ones started. */
    static final int MAX_SPANS = 500;
    /** The most conversation turns kept per trial. */
    static final int MAX_MESSAGES = 200;
    /** The most attributes kept per span. */
    static final int MAX_ATTRIBUTES = 64;

    private TrialTrace() {
    }

    static List<MessageRecord> transcript(Task task, TrialResult trial, UnaryOperator<String> redaction) {
        List<MessageRecord> messages = new ArrayList<>();
        for (TaskMessage message : task.messages()) {
            messages.add(new MessageRecord(message.role().name().toLowerCase(Locale.ROOT),
                    text(message.content(), redaction), Optional.empty(), Optional.empty()));
        }
        trial.spans().stream()
                .filter(span -> GenAiAttributes.OPERATION_EXECUTE_TOOL.equals(span.getAttributes().get(GenAiAttributes.OPERATION_NAME)))
                .sorted(Comparator.comparingLong(SpanData::getStartEpochNanos))
                .forEach(span -> messages.add(new MessageRecord("tool",
                        text(orEmpty(span.getAttributes().get(GenAiAttributes.TOOL_CALL_RESULT)), redaction),
                        Optional.of(text(orEmpty(span.getAttributes().get(GenAiAttributes.TOOL_NAME)), redaction)),
                        Optional.of(text(orEmpty(span.getAttributes().get(GenAiAttributes.TOOL_CALL_ARGUMENTS)), redaction)))));
        if (!trial.output().isEmpty()) {
            messages.add(new MessageRecord("assistant", text(trial.output(), redaction), Optional.empty(), Optional.empty()));
        }
        return messages.size() > MAX_MESSAGES ? List.copyOf(messages.subList(0, MAX_MESSAGES)) : messages;
    }

    static List<SpanRecord> spans(List<SpanData> spans, UnaryOperator<String> redaction) {
        List<SpanData> ordered = spans.stream().sorted(Comparator.comparingLong(SpanData::getStartEpochNanos)).toList();
        if (ordered.isEmpty()) {
            return List.of();
        }
        long origin = ordered.get(0).getStartEpochNanos();
        List<SpanRecord> records = new ArrayList<>();
        for (SpanData span : ordered.subList(0, Math.min(MAX_SPANS, ordered.size()))) {
            Map<String, String> attributes = new LinkedHashMap<>();
            span.getAttributes().forEach((AttributeKey<?> key, Object value) -> {
                if (attributes.size() < MAX_ATTRIBUTES) {
                    attributes.put(text(key.getKey(), redaction), text(String.valueOf(value), redaction));
                }
            });
            String parent = span.getParentSpanId();
            records.add(new SpanRecord(text(span.getName(), redaction), span.getSpanId(),
                    SpanId.isValid(parent) ? Optional.of(parent) : Optional.empty(),
                    Math.max(0, span.getStartEpochNanos() - origin),
                    Math.max(0, span.getEndEpochNanos() - span.getStartEpochNanos()),
                    span.getStatus().getStatusCode().name(), attributes));
        }
        return records;
    }

    static String text(String text, UnaryOperator<String> redaction) {
        String redacted = redaction.apply(text);
        if (redacted.length() <= MAX_TEXT) {
            return redacted;
        }
        return redacted.substring(0, MAX_TEXT) + "… (" + (redacted.length() - MAX_TEXT) + " more characters cut)";
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
