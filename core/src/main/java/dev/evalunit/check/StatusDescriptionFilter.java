package dev.evalunit.check;

import io.opentelemetry.sdk.trace.data.SpanData;

import java.util.Objects;
import java.util.Optional;

/** A counted span's status description (the text set with an ERROR status) satisfies a condition; an empty one is absent. */
record StatusDescriptionFilter(AttributeCondition condition) implements SpanFilter {

    StatusDescriptionFilter {
        Objects.requireNonNull(condition, "condition");
    }

    @Override
    public Optional<String> mismatch(SpanData span, SpanIndex trial) {
        String description = span.getStatus().getDescription();
        Object value = description == null || description.isEmpty() ? null : description;
        return condition.test(value) ? Optional.empty()
                : Optional.of("status description was " + (value == null ? "absent" : AttributeValues.shown(value))
                        + ", expected " + condition.describe());
    }
}
