package dev.evalunit.check;

import io.opentelemetry.sdk.trace.data.SpanData;

import java.util.Objects;
import java.util.Optional;

/** A counted span's attribute satisfies a condition. */
record AttributeFilter(String key, AttributeCondition condition) implements SpanFilter {

    AttributeFilter {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(condition, "condition");
    }

    @Override
    public Optional<String> mismatch(SpanData span, SpanIndex trial) {
        Object value = SpanIndex.attribute(span, key);
        if (condition.test(value)) {
            return Optional.empty();
        }
        String found = value == null ? "absent" : AttributeValues.shown(value);
        return Optional.of(key + " was " + found + ", expected " + condition.describe());
    }
}
