package dev.evalunit.check;

import org.apiguardian.api.API;

import io.opentelemetry.sdk.trace.data.SpanData;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

/**
 * What one trial produced, as checks see it: the final answer, the spans, and typed attachments
 * for checks that need more (the outcome of a program the answer was built into, a judge model).
 *
 * @param output the model's final answer; never {@code null}, empty when it said nothing
 * @param spans every span of the trial's trace, the trial's root span included; never {@code null}
 * @param attachments extra facts by type; never {@code null}
 * @since 0.1.0
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record Evidence(String output, List<SpanData> spans, Map<Class<?>, Object> attachments) {

    public Evidence {
        Objects.requireNonNull(output, "output");
        spans = List.copyOf(Objects.requireNonNull(spans, "spans"));
        attachments = Map.copyOf(Objects.requireNonNull(attachments, "attachments"));
        attachments.forEach((type, value) -> {
            if (!type.isInstance(value)) {
                throw new IllegalArgumentException("attachment " + value + " is not a " + type.getName());
            }
        });
    }

    /** Evidence with no attachments. */
    public Evidence(String output, List<SpanData> spans) {
        this(output, spans, Map.of());
    }

    /**
     * @param type the attachment's type; never {@code null}
     * @return the attachment of that type, if the trial has one
     */
    public <T> Optional<T> attachment(Class<T> type) {
        return Optional.ofNullable(type.cast(attachments.get(type)));
    }

    /** @return this evidence with {@code value} attached as a {@code type} */
    public <T> Evidence with(Class<T> type, T value) {
        Map<Class<?>, Object> more = new LinkedHashMap<>(attachments);
        more.put(type, Objects.requireNonNull(value, "value"));
        return new Evidence(output, spans, more);
    }

    /** @return this evidence with more spans, e.g. those a program exported while it ran */
    public Evidence withMoreSpans(List<SpanData> more) {
        List<SpanData> all = new java.util.ArrayList<>(spans);
        all.addAll(more);
        return new Evidence(output, all, attachments);
    }
}
