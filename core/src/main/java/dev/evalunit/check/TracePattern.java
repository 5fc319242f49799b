package dev.evalunit.check;

import org.apiguardian.api.API;

import io.opentelemetry.sdk.trace.data.SpanData;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * The shape of (part of) a trace: a span that satisfies a {@link SpanCondition}, optionally the
 * root of its trace, with children that each match a pattern of their own, so many of each as a
 * count says, and optionally no other children. A {@link TraceExpectation} quantifies one over
 * the trial's traces.
 *
 * <p>Instances are immutable and thread-safe; the {@link Builder} is not.
 *
 * @since 0.1.0
 */
@API(status = INTERNAL, since = "0.1.0")
public final class TracePattern {

    private final SpanCondition condition;
    private final boolean root;
    private final List<Child> children;
    private final boolean only;

    private record Child(TracePattern pattern, Comparison count) {
    }

    private TracePattern(Builder builder) {
        this.condition = builder.condition;
        this.root = builder.root;
        this.children = List.copyOf(builder.children);
        this.only = builder.only;
    }

    /**
     * @param condition what the span at this node must be; never {@code null}
     * @return a builder for a pattern whose top span satisfies {@code condition}
     */
    public static Builder of(SpanCondition condition) {
        return new Builder(Objects.requireNonNull(condition, "condition"));
    }

    /** @return whether {@code span} could be this pattern's top span, children aside */
    boolean anchors(SpanData span, SpanIndex trial) {
        return condition.test(span, trial) && (!root || !span.getParentSpanContext().isValid());
    }

    SpanCondition condition() {
        return condition;
    }

    /** @return empty when the tree under {@code span} has this shape, else the first difference */
    Optional<String> mismatch(SpanData span, SpanIndex trial) {
        Optional<String> own = condition.mismatch(span, trial);
        if (own.isPresent()) {
            return own;
        }
        String where = Excerpt.quote(span.getName()) + " [" + SpanIndex.shortId(span.getSpanId()) + "]";
        if (root && span.getParentSpanContext().isValid()) {
            return Optional.of(where + " is not the root of its trace (its parent is ["
                    + SpanIndex.shortId(span.getParentSpanId()) + "])");
        }
        List<SpanData> actual = trial.childrenOf(span);
        for (Child child : children) {
            List<SpanData> matching = new ArrayList<>();
            Optional<String> nearest = Optional.empty();
            for (SpanData candidate : actual) {
                Optional<String> why = child.pattern.mismatch(candidate, trial);
                if (why.isEmpty()) {
                    matching.add(candidate);
                } else if (nearest.isEmpty() && child.pattern.condition.name().matches(candidate.getName())) {
                    nearest = Optional.of(why.get());
                }
            }
            if (!child.count.test(BigDecimal.valueOf(matching.size()))) {
                return Optional.of(where + " has " + matching.size() + " matching children " + child.pattern.condition
                        + ", expected " + shown(child.count) + nearest.map(why -> " (a child " + why + ")").orElse(""));
            }
        }
        if (only) {
            for (SpanData candidate : actual) {
                if (children.stream().noneMatch(child -> child.pattern.mismatch(candidate, trial).isEmpty())) {
                    return Optional.of(where + " has a child the pattern does not name: "
                            + Excerpt.quote(candidate.getName()) + " [" + SpanIndex.shortId(candidate.getSpanId()) + "]");
                }
            }
        }
        return Optional.empty();
    }

    static String shown(Comparison count) {
        return count.operator() == Comparison.Operator.EQ ? count.operand().toPlainString() : count.toString();
    }

    @Override
    public String toString() {
        return condition.toString();
    }

    /** Builds a {@link TracePattern}. */
    public static final class Builder {

        private final SpanCondition condition;
        private boolean root;
        private final List<Child> children = new ArrayList<>();
        private boolean only;

        private Builder(SpanCondition condition) {
            this.condition = condition;
        }

        /** @return this; the top span must be the root of its trace (have no parent at all) */
        public Builder root() {
            this.root = true;
            return this;
        }

        /**
         * May be called several times; each child pattern is counted on its own.
         *
         * @param child never {@code null}
         * @param count how many direct children match {@code child}; never {@code null}
         * @return this
         */
        public Builder child(TracePattern child, Comparison count) {
            children.add(new Child(Objects.requireNonNull(child, "child"), Objects.requireNonNull(count, "count")));
            return this;
        }

        /** @return this; every direct child must match one of the child patterns */
        public Builder only() {
            this.only = true;
            return this;
        }

        /** @return the pattern */
        public TracePattern build() {
            return new TracePattern(this);
        }
    }
}
