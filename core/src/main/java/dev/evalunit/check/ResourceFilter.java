package dev.evalunit.check;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.trace.data.SpanData;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An attribute of a counted span's resource (what produced the span: {@code service.name},
 * {@code telemetry.sdk.name}...) satisfies a condition.
 */
record ResourceFilter(String key, AttributeCondition condition) implements SpanFilter {

    ResourceFilter {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(condition, "condition");
    }

    @Override
    public Optional<String> mismatch(SpanData span, SpanIndex trial) {
        Object value = null;
        for (Map.Entry<AttributeKey<?>, Object> entry : span.getResource().getAttributes().asMap().entrySet()) {
            if (entry.getKey().getKey().equals(key)) {
                value = entry.getValue();
            }
        }
        if (condition.test(value)) {
            return Optional.empty();
        }
        String found = value == null ? "absent" : AttributeValues.shown(value);
        return Optional.of("resource " + key + " was " + found + ", expected " + condition.describe());
    }
}
