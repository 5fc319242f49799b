package dev.evalunit.check;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A check on the spans a trial produced: which spans (name, attributes, kind, status, parent,
 * resource, instrumentation scope, events, links) and what must hold of them (count, order, sums). See the task file format for the meaning of each part.
 *
 * <p>The <em>counted</em> spans are those whose name matches the name glob and that satisfy every
 * attribute condition, the kind, the status, the parent glob, every resource condition, the scope
 * glob, every event and the number of links. Their number must satisfy the count
 * (default {@code >= 1}); each must start after some {@code after} span ended; each {@code sum}
 * is taken over them. Every part that fails is reported in the one message, parts separated by
 * {@code ; }, for example:
 *
 * <pre>
 * spans[2] "execute_tool delete_*": expected count 0, found 1 (execute_tool delete_pod {"pod":"checkout"})
 * spans[0] "execute_tool get_*": expected count &gt;= 1, found 0; 1 span named "execute_tool get_*" did not match: execute_tool get_logs: gen_ai.tool.name was "get_logs", expected = "get_pod_events"
 * </pre>
 *
 * <p>Instances are immutable and thread-safe; the {@link Builder} is not.
 *
 * @since 0.1.0
 */
public final class SpanExpectation implements Check {

    private final String label;
    private final Glob name;
    private final List<SpanFilter> filters;
    private final List<SpanRequirement> requirements;

    private SpanExpectation(Builder builder) {
        this.label = builder.index.map(i -> "spans[" + i + "] ").orElse("span ") + builder.name;
        this.name = builder.name;
        List<SpanFilter> filters = new ArrayList<>(builder.attributes);
        builder.kind.map(KindFilter::new).ifPresent(filters::add);
        builder.status.map(StatusFilter::new).ifPresent(filters::add);
        builder.parent.map(ParentFilter::new).ifPresent(filters::add);
        filters.addAll(builder.resource);
        builder.scope.map(ScopeFilter::new).ifPresent(filters::add);
        filters.addAll(builder.events);
        builder.links.map(LinksFilter::new).ifPresent(filters::add);
        this.filters = List.copyOf(filters);
        List<SpanRequirement> requirements = new ArrayList<>();
        requirements.add(new CountRequirement(builder.count));
        builder.after.map(AfterRequirement::new).ifPresent(requirements::add);
        requirements.addAll(builder.sums);
        this.requirements = List.copyOf(requirements);
    }

    /**
     * @param nameGlob the name of the spans to look at, a {@link Glob}; never {@code null}
     * @return a builder for spans whose name matches {@code nameGlob}
     */
    public static Builder named(String nameGlob) {
        return new Builder(new Glob(Objects.requireNonNull(nameGlob, "nameGlob")));
    }

    /** @return {@code spans[i] "name-glob"}, or {@code span "name-glob"} when built without an index */
    @Override
    public String label() {
        return label;
    }

    @Override
    public CheckResult evaluate(Evidence evidence) {
        Objects.requireNonNull(evidence, "evidence");
        Selection selection = Selection.of(name, filters, new SpanIndex(evidence.spans()));
        List<SpanRequirement.Outcome> outcomes = requirements.stream().map(r -> r.evaluate(selection)).toList();
        List<SpanRequirement.Outcome> failed = outcomes.stream().filter(outcome -> !outcome.passed()).toList();
        return failed.isEmpty()
                ? CheckResult.pass(label, joined(outcomes))
                : CheckResult.fail(label, joined(failed));
    }

    private static String joined(List<SpanRequirement.Outcome> outcomes) {
        return outcomes.stream().map(SpanRequirement.Outcome::message).collect(Collectors.joining("; "));
    }

    @Override
    public String toString() {
        return label;
    }

    /** Builds a {@link SpanExpectation}; every part but the name is optional. */
    public static final class Builder {

        private final Glob name;
        private Optional<Integer> index = Optional.empty();
        private final List<AttributeFilter> attributes = new ArrayList<>();
        private Comparison count = new Comparison(Comparison.Operator.GE, BigDecimal.ONE);
        private Optional<SpanKind> kind = Optional.empty();
        private Optional<StatusCode> status = Optional.empty();
        private final List<ResourceFilter> resource = new ArrayList<>();
        private Optional<Glob> scope = Optional.empty();
        private final List<EventFilter> events = new ArrayList<>();
        private Optional<Comparison> links = Optional.empty();
        private Optional<Glob> parent = Optional.empty();
        private Optional<Glob> after = Optional.empty();
        private final List<SumRequirement> sums = new ArrayList<>();

        private Builder(Glob name) {
            this.name = name;
        }

        /**
         * @param index zero or more
         * @return this; the position in the task's {@code spans} list, shown in the label as {@code spans[i]}
         */
        public Builder index(int index) {
            if (index < 0) {
                throw new IllegalArgumentException("index must be >= 0, was " + index);
            }
            this.index = Optional.of(index);
            return this;
        }

        /**
         * May be called several times, also for the same key: every condition must hold.
         *
         * @param key the attribute's name, e.g. {@code gen_ai.tool.name}; never {@code null}
         * @param condition never {@code null}
         * @return this; an attribute every counted span must have
         */
        public Builder attribute(String key, AttributeCondition condition) {
            attributes.add(new AttributeFilter(key, condition));
            return this;
        }

        /**
         * @param count never {@code null}
         * @return this; how many spans must match (default {@code >= 1})
         */
        public Builder count(Comparison count) {
            this.count = Objects.requireNonNull(count, "count");
            return this;
        }

        /**
         * @param status never {@code null}
         * @return this; the status every counted span must have
         */
        public Builder status(StatusCode status) {
            this.status = Optional.of(Objects.requireNonNull(status, "status"));
            return this;
        }

        /**
         * @param kind never {@code null}
         * @return this; the kind every counted span must have (SERVER, CLIENT, PRODUCER, CONSUMER, INTERNAL)
         */
        public Builder kind(SpanKind kind) {
            this.kind = Optional.of(Objects.requireNonNull(kind, "kind"));
            return this;
        }

        /**
         * May be called several times, also for the same key: every condition must hold.
         *
         * @param key the name of an attribute of the span's resource, e.g. {@code service.name}; never {@code null}
         * @param condition never {@code null}
         * @return this; an attribute the resource of every counted span must have
         */
        public Builder resource(String key, AttributeCondition condition) {
            resource.add(new ResourceFilter(key, condition));
            return this;
        }

        /**
         * @param scopeGlob the name (glob) of the tracer that made the span, e.g. {@code shop.checkout};
         *        never {@code null}
         * @return this; the instrumentation scope every counted span must come from
         */
        public Builder scope(String scopeGlob) {
            this.scope = Optional.of(new Glob(Objects.requireNonNull(scopeGlob, "scopeGlob")));
            return this;
        }

        /**
         * May be called several times: every counted span must have an event of each name.
         *
         * @param name the event's exact name, e.g. {@code exception}; never {@code null}
         * @return this; an event every counted span must have
         */
        public Builder event(String name) {
            return event(name, Map.of());
        }

        /**
         * May be called several times: every counted span must have, for each call, one event with
         * that name whose attributes satisfy every condition.
         *
         * @param name the event's exact name, e.g. {@code exception}; never {@code null}
         * @param attributes attribute names to conditions, e.g. {@code exception.type}; never {@code null}
         * @return this; an event every counted span must have
         */
        public Builder event(String name, Map<String, AttributeCondition> attributes) {
            events.add(new EventFilter(name, attributes));
            return this;
        }

        /**
         * @param links never {@code null}; such as {@code >= 3}
         * @return this; how many links every counted span must have
         */
        public Builder links(Comparison links) {
            this.links = Optional.of(Objects.requireNonNull(links, "links"));
            return this;
        }

        /**
         * A root span, or one whose parent is not among the trial's spans, is never counted.
         *
         * @param parentGlob never {@code null}
         * @return this; the name (glob) of every counted span's direct parent
         */
        public Builder parent(String parentGlob) {
            this.parent = Optional.of(new Glob(Objects.requireNonNull(parentGlob, "parentGlob")));
            return this;
        }

        /**
         * Fails when spans were counted but no span matches {@code glob}.
         *
         * @param glob never {@code null}
         * @return this; every counted span starts at or after the end of some span matching {@code glob}
         */
        public Builder after(String glob) {
            this.after = Optional.of(new Glob(Objects.requireNonNull(glob, "glob")));
            return this;
        }

        /**
         * May be called several times. Counted spans that lack the attribute, or whose value is not
         * a number, add nothing to the sum.
         *
         * @param key the attribute's name, e.g. {@code gen_ai.usage.output_tokens}; never {@code null}
         * @param comparison never {@code null}
         * @return this; the attribute summed over every counted span must satisfy {@code comparison}
         */
        public Builder sum(String key, Comparison comparison) {
            sums.add(new SumRequirement(key, comparison));
            return this;
        }

        /** @return the expectation */
        public SpanExpectation build() {
            return new SpanExpectation(this);
        }
    }
}
