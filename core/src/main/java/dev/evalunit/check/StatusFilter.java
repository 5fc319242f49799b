package dev.evalunit.check;

import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;

import java.util.Objects;
import java.util.Optional;

/** A counted span has a status. */
record StatusFilter(StatusCode status) implements SpanFilter {

    StatusFilter {
        Objects.requireNonNull(status, "status");
    }

    @Override
    public Optional<String> mismatch(SpanData span, SpanIndex trial) {
        StatusCode actual = span.getStatus().getStatusCode();
        return actual == status ? Optional.empty() : Optional.of("status was " + actual + ", expected " + status);
    }
}
