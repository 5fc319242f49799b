package dev.evalunit.check;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;

import java.util.Objects;
import java.util.Optional;

/** A counted span has a kind: SERVER, CLIENT, PRODUCER, CONSUMER or INTERNAL. */
record KindFilter(SpanKind kind) implements SpanFilter {

    KindFilter {
        Objects.requireNonNull(kind, "kind");
    }

    @Override
    public Optional<String> mismatch(SpanData span, SpanIndex trial) {
        SpanKind actual = span.getKind();
        return actual == kind ? Optional.empty() : Optional.of("kind was " + actual + ", expected " + kind);
    }
}
