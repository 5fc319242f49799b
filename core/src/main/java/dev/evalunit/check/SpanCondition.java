package dev.evalunit.check;

import org.apiguardian.api.API;

import io.opentelemetry.sdk.trace.data.SpanData;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * What one span must be: a name glob and any of the conditions a span expectation counts by
 * (attributes, kind, status, resource, scope, events, links, parent, ancestor, time containment).
 * Used where a check points at another span: the parent ({@code parent: {name: order, kind: SERVER}}),
 * an ancestor, the target of a link, a node of a trace pattern. Build one with
 * {@link SpanExpectation.Builder#condition()}.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @since 0.1.0
 */
@API(status = INTERNAL, since = "0.1.0")
public final class SpanCondition {

    private final Glob name;
    private final List<SpanFilter> filters;

    SpanCondition(Glob name, List<SpanFilter> filters) {
        this.name = Objects.requireNonNull(name, "name");
        this.filters = List.copyOf(filters);
    }

    /**
     * @param nameGlob never {@code null}
     * @return a condition on the name only
     */
    public static SpanCondition named(String nameGlob) {
        return new SpanCondition(new Glob(Objects.requireNonNull(nameGlob, "nameGlob")), List.of());
    }

    boolean isNameOnly() {
        return filters.isEmpty();
    }

    Glob name() {
        return name;
    }

    /** @return empty when the span satisfies the condition, else the first reason it does not */
    Optional<String> mismatch(SpanData span, SpanIndex trial) {
        if (!name.matches(span.getName())) {
            return Optional.of("name was " + Excerpt.quote(span.getName()) + ", expected " + name);
        }
        return filters.stream().flatMap(filter -> filter.mismatch(span, trial).stream()).findFirst();
    }

    boolean test(SpanData span, SpanIndex trial) {
        return mismatch(span, trial).isEmpty();
    }

    /** @return the name glob, and how many more conditions there are */
    @Override
    public String toString() {
        return filters.isEmpty() ? name.toString() : name + " (with " + filters.size()
                + (filters.size() == 1 ? " more condition)" : " more conditions)");
    }
}
