package dev.evalunit.check;

import io.opentelemetry.sdk.trace.data.SpanData;

import java.util.List;
import java.util.Objects;

/**
 * What one trial produced, as checks see it.
 *
 * @param output the model's final answer; never {@code null}, empty when it said nothing
 * @param spans every span of the trial's trace, the trial's root span included; never {@code null}
 * @since 0.1.0
 */
public record Evidence(String output, List<SpanData> spans) {

    public Evidence {
        Objects.requireNonNull(output, "output");
        spans = List.copyOf(Objects.requireNonNull(spans, "spans"));
    }
}
