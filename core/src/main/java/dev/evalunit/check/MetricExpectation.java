package dev.evalunit.check;

import org.apiguardian.api.API;

import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.DoublePointData;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.MetricDataType;
import io.opentelemetry.sdk.metrics.data.PointData;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

/**
 * A check on the metrics a code task's run exported over OTLP ({@code expect.metrics} in task
 * files): a metric of this name, of a type ({@code sum}, {@code gauge}, {@code histogram}), unit,
 * meter (instrumentation scope), monotonicity (a sum's: a Counter's is monotonic, an
 * UpDownCounter's is not) and aggregation temporality (a sum's or histogram's) when given, was
 * exported with a data point whose attributes satisfy their conditions (typed, as
 * {@link AttributeCondition} compares) and whose value satisfies a bound (a sum's or gauge's value,
 * a histogram's sum; a histogram's {@code count}). It passes when any export of the metric has such
 * a point, or, with {@link Builder#lastExport()}, the last export of each resource and meter (for a
 * cumulative metric, the run's totals). Reads the trial's {@link RunOutcome}; a failure lists what
 * was received (at most {@value #SHOWN} metrics or points).
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @since 0.1.0
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class MetricExpectation implements Check {

    /** How many metrics or points a failure message describes. */
    static final int SHOWN = 5;

    /** The types a task names, to the SDK's. */
    public static final Map<String, Set<MetricDataType>> TYPES = Map.of(
            "sum", Set.of(MetricDataType.LONG_SUM, MetricDataType.DOUBLE_SUM),
            "gauge", Set.of(MetricDataType.LONG_GAUGE, MetricDataType.DOUBLE_GAUGE),
            "histogram", Set.of(MetricDataType.HISTOGRAM),
            "exponential-histogram", Set.of(MetricDataType.EXPONENTIAL_HISTOGRAM),
            "summary", Set.of(MetricDataType.SUMMARY));

    private final String label;
    private final String name;
    private final Optional<String> type;
    private final Optional<String> unit;
    private final Optional<Glob> scope;
    private final Optional<Boolean> monotonic;
    private final Optional<AggregationTemporality> temporality;
    private final boolean lastExport;
    private final Map<String, AttributeCondition> attributes;
    private final Optional<Comparison> value;
    private final Optional<Comparison> count;

    private MetricExpectation(Builder builder) {
        this.label = "metrics[" + builder.index + "] " + builder.name;
        this.name = builder.name;
        this.type = builder.type;
        this.unit = builder.unit;
        this.scope = builder.scope;
        this.monotonic = builder.monotonic;
        this.temporality = builder.temporality;
        this.lastExport = builder.lastExport;
        this.attributes = Map.copyOf(builder.attributes);
        this.value = builder.value;
        this.count = builder.count;
    }

    /**
     * @param index the item's position in {@code expect.metrics}
     * @param name the metric's name, exactly; never {@code null}
     * @return a builder
     */
    public static Builder named(int index, String name) {
        return new Builder(index, Objects.requireNonNull(name, "name"));
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public CheckResult evaluate(Evidence evidence) {
        Optional<RunOutcome> run = evidence.attachment(RunOutcome.class);
        if (run.isEmpty()) {
            return RunChecks.nothingRan(label);
        }
        List<MetricData> all = run.get().exportedMetrics();
        List<MetricData> named = all.stream().filter(metric -> metric.getName().equals(name)).toList();
        if (lastExport) {
            named = last(named);
        }
        if (named.isEmpty()) {
            String received = all.stream().map(MetricData::getName).distinct().limit(SHOWN)
                    .collect(Collectors.joining(", "));
            return CheckResult.fail(label, "no metric named " + Excerpt.quote(name) + " was exported; received "
                    + (all.isEmpty() ? "no metric (no process exported one to OTEL_EXPORTER_OTLP_ENDPOINT)"
                    : all.stream().map(MetricData::getName).distinct().count() + " metric names: " + received
                    + (all.stream().map(MetricData::getName).distinct().count() > SHOWN ? ", …" : "")));
        }
        List<String> misses = new ArrayList<>();
        for (MetricData metric : named) {
            Optional<String> wrong = kind(metric);
            if (wrong.isPresent()) {
                if (misses.size() < SHOWN) {
                    misses.add(wrong.get());
                }
                continue;
            }
            for (PointData point : metric.getData().getPoints()) {
                Optional<String> miss = mismatch(point);
                if (miss.isEmpty()) {
                    return CheckResult.pass(label, "a " + describe(metric) + " point " + shown(point) + " matched");
                }
                if (misses.size() < SHOWN) {
                    misses.add("point " + shown(point) + ": " + miss.get());
                }
            }
        }
        return CheckResult.fail(label, "expected " + Excerpt.quote(name) + " " + this + "; received "
                + (lastExport ? "its last export" + (named.size() == 1 ? "" : "s from " + named.size()
                + " resources and meters") + ", not matching: "
                : named.size() + (named.size() == 1 ? " export" : " exports") + " of it, none matched: ")
                + String.join("; ", misses.stream().distinct().toList()));
    }

    /** @return the last of {@code exports} from each resource and meter, in the order received */
    private static List<MetricData> last(List<MetricData> exports) {
        Map<List<Object>, MetricData> last = new LinkedHashMap<>();
        for (MetricData metric : exports) {
            List<Object> source = List.of(metric.getResource(), metric.getInstrumentationScopeInfo());
            last.remove(source);
            last.put(source, metric);
        }
        return List.copyOf(last.values());
    }

    private Optional<String> kind(MetricData metric) {
        if (type.isPresent() && !TYPES.get(type.get()).contains(metric.getType())) {
            return Optional.of("its type was " + typeName(metric.getType()) + ", expected " + type.get());
        }
        if (unit.isPresent() && !unit.get().equals(metric.getUnit())) {
            return Optional.of("its unit was " + Excerpt.quote(metric.getUnit()) + ", expected "
                    + Excerpt.quote(unit.get()));
        }
        if (scope.isPresent() && !scope.get().matches(metric.getInstrumentationScopeInfo().getName())) {
            return Optional.of("its meter was " + Excerpt.quote(metric.getInstrumentationScopeInfo().getName())
                    + ", expected " + scope.get());
        }
        if (monotonic.isPresent()) {
            Optional<Boolean> found = monotonic(metric);
            if (found.isEmpty()) {
                return Optional.of("it is a " + typeName(metric.getType()) + ", which is neither monotonic nor"
                        + " not (only a sum is), expected a" + (monotonic.get() ? " monotonic" : " non-monotonic")
                        + " sum");
            }
            if (!found.get().equals(monotonic.get())) {
                return Optional.of(found.get()
                        ? "it was monotonic (a Counter's sum), expected not monotonic (an UpDownCounter's)"
                        : "it was not monotonic (an UpDownCounter's sum), expected monotonic (a Counter's)");
            }
        }
        if (temporality.isPresent()) {
            Optional<AggregationTemporality> found = temporality(metric);
            if (found.isEmpty()) {
                return Optional.of("it is a " + typeName(metric.getType()) + ", which has no aggregation"
                        + " temporality, expected " + shown(temporality.get()));
            }
            if (found.get() != temporality.get()) {
                return Optional.of("its temporality was " + shown(found.get()) + ", expected "
                        + shown(temporality.get()));
            }
        }
        return Optional.empty();
    }

    private static Optional<Boolean> monotonic(MetricData metric) {
        return switch (metric.getType()) {
            case LONG_SUM -> Optional.of(metric.getLongSumData().isMonotonic());
            case DOUBLE_SUM -> Optional.of(metric.getDoubleSumData().isMonotonic());
            default -> Optional.empty();
        };
    }

    private static Optional<AggregationTemporality> temporality(MetricData metric) {
        return switch (metric.getType()) {
            case LONG_SUM -> Optional.of(metric.getLongSumData().getAggregationTemporality());
            case DOUBLE_SUM -> Optional.of(metric.getDoubleSumData().getAggregationTemporality());
            case HISTOGRAM -> Optional.of(metric.getHistogramData().getAggregationTemporality());
            case EXPONENTIAL_HISTOGRAM -> Optional.of(metric.getExponentialHistogramData().getAggregationTemporality());
            default -> Optional.empty();
        };
    }

    private static String shown(AggregationTemporality temporality) {
        return temporality.name().toLowerCase(Locale.ROOT);
    }

    private Optional<String> mismatch(PointData point) {
        for (Map.Entry<String, AttributeCondition> entry : new java.util.TreeMap<>(attributes).entrySet()) {
            Object found = LogExpectation.attribute(point.getAttributes(), entry.getKey());
            if (!entry.getValue().test(found)) {
                return Optional.of(entry.getKey() + " was " + (found == null ? "absent" : AttributeValues.shown(found))
                        + ", expected " + entry.getValue().describe());
            }
        }
        if (value.isPresent()) {
            Optional<BigDecimal> number = value(point);
            if (number.isEmpty() || !value.get().test(number.get())) {
                return Optional.of("value was " + number.map(BigDecimal::toPlainString).orElse("none")
                        + ", expected " + value.get());
            }
        }
        if (count.isPresent()) {
            if (!(point instanceof HistogramPointData histogram)) {
                return Optional.of("count needs a histogram point");
            }
            if (!count.get().test(BigDecimal.valueOf(histogram.getCount()))) {
                return Optional.of("count was " + histogram.getCount() + ", expected " + count.get());
            }
        }
        return Optional.empty();
    }

    private static Optional<BigDecimal> value(PointData point) {
        if (point instanceof LongPointData number) {
            return Optional.of(BigDecimal.valueOf(number.getValue()));
        }
        if (point instanceof DoublePointData number && Double.isFinite(number.getValue())) {
            return Optional.of(BigDecimal.valueOf(number.getValue()));
        }
        if (point instanceof HistogramPointData histogram && Double.isFinite(histogram.getSum())) {
            return Optional.of(BigDecimal.valueOf(histogram.getSum()));
        }
        return Optional.empty();
    }

    private static String shown(PointData point) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        point.getAttributes().forEach((key, v) -> attributes.put(key.getKey(), v));
        String text = attributes.entrySet().stream().map(e -> e.getKey() + "=" + AttributeValues.shown(e.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
        String number = value(point).map(BigDecimal::toPlainString).orElse("?");
        return Excerpt.shortened(text, 120) + " " + (point instanceof HistogramPointData h
                ? "count " + h.getCount() + " sum " + number : "value " + number);
    }

    private static String describe(MetricData metric) {
        return typeName(metric.getType()) + (metric.getUnit().isEmpty() ? "" : " in " + metric.getUnit());
    }

    private static String typeName(MetricDataType type) {
        return TYPES.entrySet().stream().filter(e -> e.getValue().contains(type)).map(Map.Entry::getKey)
                .findFirst().orElse(type.name());
    }

    /** @return the conditions as a failure message names them */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        type.ifPresent(t -> parts.add("type " + t));
        unit.ifPresent(u -> parts.add("unit " + Excerpt.quote(u)));
        scope.ifPresent(g -> parts.add("meter " + g));
        monotonic.ifPresent(m -> parts.add(m ? "monotonic" : "not monotonic"));
        temporality.ifPresent(t -> parts.add("temporality " + shown(t)));
        new java.util.TreeMap<>(attributes).forEach((key, c) -> parts.add(key + " " + c.describe()));
        value.ifPresent(v -> parts.add("value " + v));
        count.ifPresent(c -> parts.add("count " + c));
        String where = lastExport ? " in its last export" : "";
        return (parts.isEmpty() ? "(any point)" : "with " + String.join(", ", parts)) + where;
    }

    /** Builds a {@link MetricExpectation}. */
    @API(status = EXPERIMENTAL, since = "0.1.0")
    public static final class Builder {

        private final int index;
        private final String name;
        private Optional<String> type = Optional.empty();
        private Optional<String> unit = Optional.empty();
        private Optional<Glob> scope = Optional.empty();
        private Optional<Boolean> monotonic = Optional.empty();
        private Optional<AggregationTemporality> temporality = Optional.empty();
        private boolean lastExport;
        private final Map<String, AttributeCondition> attributes = new LinkedHashMap<>();
        private Optional<Comparison> value = Optional.empty();
        private Optional<Comparison> count = Optional.empty();

        private Builder(int index, String name) {
            this.index = index;
            this.name = name;
        }

        /** @return this; {@code type} is a key of {@link #TYPES} */
        public Builder type(String type) {
            if (!TYPES.containsKey(type)) {
                throw new IllegalArgumentException("not a metric type: " + type);
            }
            this.type = Optional.of(type);
            return this;
        }

        /** @return this; the metric's unit, exactly */
        public Builder unit(String unit) {
            this.unit = Optional.of(Objects.requireNonNull(unit, "unit"));
            return this;
        }

        /** @return this; the metric was made by a meter (instrumentation scope) whose name matches {@code scope} */
        public Builder scope(Glob scope) {
            this.scope = Optional.of(Objects.requireNonNull(scope, "scope"));
            return this;
        }

        /**
         * @param monotonic {@code true} for a Counter's sum (it only grows), {@code false} for an
         *        UpDownCounter's; any other type of metric fails the condition
         * @return this
         */
        public Builder monotonic(boolean monotonic) {
            this.monotonic = Optional.of(monotonic);
            return this;
        }

        /** @return this; a sum's or histogram's aggregation temporality is {@code temporality} (a gauge's fails) */
        public Builder temporality(AggregationTemporality temporality) {
            this.temporality = Optional.of(Objects.requireNonNull(temporality, "temporality"));
            return this;
        }

        /**
         * Looks only at the last export of the metric from each resource and meter: for a
         * cumulative sum or histogram, the run's totals, where a point of an earlier export may
         * hold a count on its way to them.
         *
         * @return this
         */
        public Builder lastExport() {
            this.lastExport = true;
            return this;
        }

        /** @return this; a point's attribute {@code key} satisfies {@code condition} */
        public Builder attribute(String key, AttributeCondition condition) {
            attributes.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(condition, "condition"));
            return this;
        }

        /** @return this; a point's value (a histogram's sum) satisfies {@code bound} */
        public Builder value(Comparison bound) {
            this.value = Optional.of(Objects.requireNonNull(bound, "bound"));
            return this;
        }

        /** @return this; a histogram point's count satisfies {@code bound} */
        public Builder count(Comparison bound) {
            this.count = Optional.of(Objects.requireNonNull(bound, "bound"));
            return this;
        }

        /** @return the check */
        public MetricExpectation build() {
            return new MetricExpectation(this);
        }
    }
}
