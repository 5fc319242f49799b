package dev.evalunit.check;

import io.opentelemetry.sdk.trace.data.SpanData;

import java.util.Objects;
import java.util.Optional;

/** A counted span was made by a tracer (an instrumentation scope) whose name matches a glob. */
record ScopeFilter(Glob scope) implements SpanFilter {

    ScopeFilter {
        Objects.requireNonNull(scope, "scope");
    }

    @Override
    public Optional<String> mismatch(SpanData span, SpanIndex trial) {
        String actual = span.getInstrumentationScopeInfo().getName();
        return scope.matches(actual) ? Optional.empty()
                : Optional.of("instrumentation scope was " + Excerpt.quote(actual) + ", expected " + scope);
    }
}
