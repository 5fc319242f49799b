package dev.evalunit.report;

import org.apiguardian.api.API;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * One span of a trial, as a results file keeps it for the report's waterfall. Times are relative to
 * the start of the trial's first span, so a report needs no clock of the machine that ran it.
 *
 * @param name the span's name; never {@code null}
 * @param spanId the span's id (16 hex digits); never {@code null}
 * @param parentSpanId the parent's id, when the span has a parent
 * @param startNanos when it started, in nanoseconds after the trial's first span started; {@code >= 0}
 * @param durationNanos how long it took, in nanoseconds; {@code >= 0}
 * @param status {@code UNSET}, {@code OK} or {@code ERROR}; never {@code null}
 * @param attributes the span's attributes as text, redacted and cut; iterates in the order written
 * @since 0.1.0
 */
@API(status = INTERNAL, since = "0.1.0")
public record SpanRecord(String name, String spanId, Optional<String> parentSpanId, long startNanos,
        long durationNanos, String status, Map<String, String> attributes) {

    public SpanRecord {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(spanId, "spanId");
        Objects.requireNonNull(parentSpanId, "parentSpanId");
        Objects.requireNonNull(status, "status");
        if (startNanos < 0 || durationNanos < 0) {
            throw new IllegalArgumentException("span times cannot be negative: " + name);
        }
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(attributes, "attributes")));
    }
}
