package dev.evalunit.check;

import org.apiguardian.api.API;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

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
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class SpanExpectation implements Check {

    /** Where the span an {@code after} names must be for a counted span to start after it. */
    public enum Within {
        /** Anywhere among the trial's spans. */
        ANY(""),
        /** In the same trace as the counted span. */
        TRACE(" in its trace"),
        /** A sibling: a span with the same parent as the counted span. */
        PARENT(" under its parent");

        private final String words;

        Within(String words) {
            this.words = words;
        }

        String words() {
            return words;
        }
    }

    private final String label;
    private final Glob name;
    private final List<SpanFilter> filters;
    private final List<SpanRequirement> requirements;
    private final boolean structural;

    private SpanExpectation(Builder builder) {
        this.label = builder.index.map(i -> "spans[" + i + "] ").orElse("span ") + builder.name;
        this.name = builder.name;
        this.filters = builder.filters();
        this.structural = filters.stream().anyMatch(SpanFilter::structural)
                || builder.after.filter(after -> after.within() != Within.ANY).isPresent();
        List<SpanRequirement> requirements = new ArrayList<>();
        requirements.add(new CountRequirement(builder.count));
        builder.after.ifPresent(requirements::add);
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
        if (failed.isEmpty()) {
            return CheckResult.pass(label, joined(outcomes));
        }
        // Where a span sits is the point of a structural check: show the traces it was looked for in.
        List<io.opentelemetry.sdk.trace.data.SpanData> near = new ArrayList<>(selection.counted());
        selection.misses().forEach(miss -> near.add(miss.span()));
        return CheckResult.fail(label, joined(failed) + (structural ? TraceTree.drawTracesOf(near, selection.trial()) : ""));
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
        private Optional<LinksFilter> links = Optional.empty();
        private Optional<SpanCondition> parent = Optional.empty();
        private Optional<SpanCondition> ancestor = Optional.empty();
        private Optional<EnclosesFilter> encloses = Optional.empty();
        private Optional<AttributeCondition> statusDescription = Optional.empty();
        private Optional<AfterRequirement> after = Optional.empty();
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
            this.links = Optional.of(new LinksFilter(Objects.requireNonNull(links, "links")));
            return this;
        }

        /**
         * @param links never {@code null}; such as {@code == 4}
         * @param distinct whether every link must point to a different span
         * @param target what every link must point to: a captured span that satisfies it; empty for anything
         * @return this; how many links every counted span must have, and to what
         */
        public Builder links(Comparison links, boolean distinct, Optional<SpanCondition> target) {
            this.links = Optional.of(new LinksFilter(Objects.requireNonNull(links, "links"), distinct, target));
            return this;
        }

        /**
         * @param condition the text set with the status, e.g. {@code {contains: "card declined"}}; never {@code null}
         * @return this; the status description every counted span must have
         */
        public Builder statusDescription(AttributeCondition condition) {
            this.statusDescription = Optional.of(Objects.requireNonNull(condition, "condition"));
            return this;
        }

        /**
         * A root span, or one whose parent is not among the trial's spans, is never counted.
         *
         * @param condition never {@code null}
         * @return this; what every counted span's direct parent must be (name, kind, attributes, ...)
         */
        public Builder parent(SpanCondition condition) {
            this.parent = Optional.of(Objects.requireNonNull(condition, "condition"));
            return this;
        }

        /**
         * @param condition never {@code null}
         * @return this; every counted span is under (at any depth) a span that satisfies {@code condition}
         */
        public Builder ancestor(SpanCondition condition) {
            this.ancestor = Optional.of(Objects.requireNonNull(condition, "condition"));
            return this;
        }

        /**
         * @param descendants empty: every direct child; else every descendant whose name matches this
         *        glob, of which there must be at least one; never {@code null}
         * @return this; every counted span starts no later and ends no earlier than those spans
         */
        public Builder encloses(Optional<String> descendants) {
            this.encloses = Optional.of(new EnclosesFilter(descendants.map(Glob::new)));
            return this;
        }

        /**
         * Fails when spans were counted but no span matching {@code glob} is within reach.
         *
         * @param glob never {@code null}
         * @param within where the earlier span must be; never {@code null}
         * @return this; every counted span starts at or after the end of some such span
         */
        public Builder after(String glob, Within within) {
            this.after = Optional.of(new AfterRequirement(new Glob(Objects.requireNonNull(glob, "glob")),
                    Objects.requireNonNull(within, "within")));
            return this;
        }

        /**
         * @return what a counted span must be, without the count, order and sums: for pointing at a
         *         span from another check (a parent, an ancestor, a link's target, a trace pattern)
         */
        public SpanCondition condition() {
            return new SpanCondition(name, filters());
        }

        private List<SpanFilter> filters() {
            List<SpanFilter> filters = new ArrayList<>(attributes);
            kind.map(KindFilter::new).ifPresent(filters::add);
            status.map(StatusFilter::new).ifPresent(filters::add);
            statusDescription.map(StatusDescriptionFilter::new).ifPresent(filters::add);
            parent.map(ParentFilter::new).ifPresent(filters::add);
            ancestor.map(AncestorFilter::new).ifPresent(filters::add);
            filters.addAll(resource);
            scope.map(ScopeFilter::new).ifPresent(filters::add);
            filters.addAll(events);
            links.ifPresent(filters::add);
            encloses.ifPresent(filters::add);
            return List.copyOf(filters);
        }

        /**
         * A root span, or one whose parent is not among the trial's spans, is never counted.
         *
         * @param parentGlob never {@code null}
         * @return this; the name (glob) of every counted span's direct parent
         */
        public Builder parent(String parentGlob) {
            return parent(SpanCondition.named(parentGlob));
        }

        /**
         * Fails when spans were counted but no span matches {@code glob}.
         *
         * @param glob never {@code null}
         * @return this; every counted span starts at or after the end of some span matching {@code glob}
         */
        public Builder after(String glob) {
            return after(glob, Within.ANY);
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
