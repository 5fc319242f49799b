package dev.evalunit.check;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A counted span has an event with a name (such as {@code exception}) whose attributes satisfy
 * conditions (such as {@code exception.type}). One event must satisfy them all.
 */
record EventFilter(String name, Map<String, AttributeCondition> attributes) implements SpanFilter {

    EventFilter {
        Objects.requireNonNull(name, "name");
        attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(
                Objects.requireNonNull(attributes, "attributes")));
    }

    @Override
    public Optional<String> mismatch(SpanData span, SpanIndex trial) {
        List<EventData> named = span.getEvents().stream().filter(event -> event.getName().equals(name)).toList();
        if (named.isEmpty()) {
            String seen = span.getEvents().isEmpty() ? "it has no events"
                    : "its events: " + span.getEvents().stream().map(EventData::getName).distinct()
                            .collect(Collectors.joining(", "));
            return Optional.of("no event named " + Excerpt.quote(name) + " (" + seen + ")");
        }
        List<String> reasons = new ArrayList<>();
        for (EventData event : named) {
            Optional<String> reason = mismatch(event);
            if (reason.isEmpty()) {
                return Optional.empty();
            }
            reasons.add(reason.get());
        }
        return Optional.of("event " + Excerpt.quote(name) + ": " + reasons.get(0)
                + (reasons.size() > 1 ? " (and " + (reasons.size() - 1) + " more such events)" : ""));
    }

    private Optional<String> mismatch(EventData event) {
        for (Map.Entry<String, AttributeCondition> expected : attributes.entrySet()) {
            Object value = null;
            for (Map.Entry<AttributeKey<?>, Object> entry : event.getAttributes().asMap().entrySet()) {
                if (entry.getKey().getKey().equals(expected.getKey())) {
                    value = entry.getValue();
                }
            }
            if (!expected.getValue().test(value)) {
                String found = value == null ? "absent" : AttributeValues.shown(value);
                return Optional.of(expected.getKey() + " was " + found + ", expected " + expected.getValue().describe());
            }
        }
        return Optional.empty();
    }
}
