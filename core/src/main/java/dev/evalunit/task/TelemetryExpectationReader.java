package dev.evalunit.task;

import dev.evalunit.check.AttributeCondition;
import dev.evalunit.check.Check;
import dev.evalunit.check.Comparison;
import dev.evalunit.check.Glob;
import dev.evalunit.check.LogExpectation;
import dev.evalunit.check.MetricExpectation;
import dev.evalunit.source.DidYouMean;
import dev.evalunit.source.YamlMapping;
import dev.evalunit.source.YamlNodes;
import dev.evalunit.source.YamlSource;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;

/**
 * Reads the items of a code task's {@code expect.logs} ({@link LogExpectation}) and
 * {@code expect.metrics} ({@link MetricExpectation}): the log records and metrics its run exported.
 */
final class TelemetryExpectationReader {

    static final List<String> LOG_KEYS = List.of("body", "severity", "attributes", "in_span", "count");
    static final List<String> METRIC_KEYS = List.of("name", "type", "unit", "scope", "monotonic", "temporality",
            "export", "point");
    private static final List<String> TEMPORALITIES = List.of("cumulative", "delta");
    private static final List<String> EXPORTS = List.of("any", "last");
    static final List<String> POINT_KEYS = List.of("attributes", "value", "count");
    private static final List<String> BODY_KINDS = List.of("equals", "contains");
    private static final List<String> SEVERITIES = Arrays.stream(Severity.values())
            .filter(severity -> severity != Severity.UNDEFINED_SEVERITY_NUMBER).map(Severity::name).toList();

    private TelemetryExpectationReader() {
    }

    /** @param name the item's path, such as {@code expect.logs[0]} */
    static Check log(Node node, int index, String name, YamlSource source) {
        YamlMapping log = YamlMapping.of(node, name, "a mapping with what the log records must be (body, severity,"
                + " attributes, in_span, count)", LOG_KEYS, source);
        LogExpectation.Builder builder = LogExpectation.builder(index);
        log.value("body").ifPresent(body -> body(builder, body, log.name("body"), source));
        log.value("severity").ifPresent(value -> {
            String written = YamlNodes.nonEmptyText(value, log.name("severity"), source);
            boolean atLeast = written.startsWith(">=");
            String severity = atLeast ? written.substring(2).strip() : written;
            if (!SEVERITIES.contains(severity)) {
                throw source.error(value, DidYouMean.unknown("severity", severity, SEVERITIES,
                        "Severities (ERROR matches ERROR to ERROR4; \">= WARN\" matches WARN and above)"));
            }
            if (atLeast) {
                builder.severityAtLeast(severity);
            } else {
                builder.severity(severity);
            }
        });
        log.value("attributes").ifPresent(value -> attributes(value, log.name("attributes"), source,
                builder::attribute));
        log.value("in_span").ifPresent(value -> builder.inSpan(
                SpanExpectationReader.condition(value, log.name("in_span"), List.of(), source)));
        log.value("count").ifPresent(value -> builder.count(SpanExpectationReader.count(value, log.name("count"),
                source)));
        return builder.build();
    }

    /** @param name the item's path, such as {@code expect.metrics[0]} */
    static Check metric(Node node, int index, String name, YamlSource source) {
        YamlMapping metric = YamlMapping.of(node, name, "a mapping with the metric's name (and type, unit, scope,"
                        + " monotonic, temporality, export, point)",
                METRIC_KEYS, source);
        String metricName = metric.nonEmptyText("name").orElseThrow(() -> source.error(metric.node(),
                name + " has no name; add name: with the metric's name, such as orders.placed"));
        MetricExpectation.Builder builder = MetricExpectation.named(index, metricName);
        metric.value("type").ifPresent(value -> {
            String type = YamlNodes.nonEmptyText(value, metric.name("type"), source);
            if (!MetricExpectation.TYPES.containsKey(type)) {
                throw source.error(value, DidYouMean.unknown("metric type", type,
                        MetricExpectation.TYPES.keySet().stream().sorted().toList(), "Metric types"));
            }
            builder.type(type);
        });
        metric.value("unit").ifPresent(value -> builder.unit(YamlNodes.nonEmptyText(value, metric.name("unit"),
                source)));
        metric.value("scope").ifPresent(value -> builder.scope(new Glob(YamlNodes.nonEmptyText(value,
                metric.name("scope"), source))));
        metric.value("monotonic").ifPresent(value -> builder.monotonic(YamlNodes.bool(value).orElseThrow(() ->
                source.error(value, metric.name("monotonic") + " must be true (a Counter's sum, which only grows)"
                        + " or false (an UpDownCounter's), was " + YamlNodes.describe(value)))));
        metric.value("temporality").ifPresent(value -> {
            String temporality = YamlNodes.nonEmptyText(value, metric.name("temporality"), source);
            if (!TEMPORALITIES.contains(temporality)) {
                throw source.error(value, DidYouMean.unknown("temporality", temporality, TEMPORALITIES,
                        "Aggregation temporalities"));
            }
            builder.temporality(AggregationTemporality.valueOf(temporality.toUpperCase(Locale.ROOT)));
        });
        metric.value("export").ifPresent(value -> {
            String export = YamlNodes.nonEmptyText(value, metric.name("export"), source);
            if (!EXPORTS.contains(export)) {
                throw source.error(value, DidYouMean.unknown("export", export, EXPORTS,
                        "Exports (any: some export of the metric; last: the last of each resource and meter)"));
            }
            if (export.equals("last")) {
                builder.lastExport();
            }
        });
        metric.value("point").ifPresent(value -> {
            YamlMapping point = YamlMapping.of(value, metric.name("point"), "a mapping with the data point's"
                    + " attributes, value and count", POINT_KEYS, source);
            point.value("attributes").ifPresent(attributes -> attributes(attributes, point.name("attributes"),
                    source, builder::attribute));
            point.value("value").ifPresent(bound -> builder.value(bound(bound, point.name("value"), source)));
            point.value("count").ifPresent(bound -> builder.count(bound(bound, point.name("count"), source)));
        });
        return builder.build();
    }

    private static void attributes(Node node, String name, YamlSource source,
                                   BiConsumer<String, AttributeCondition> into) {
        for (NodeTuple entry : YamlNodes.entries(node, name, "attribute names to conditions", source)) {
            String key = YamlNodes.keyText(entry);
            into.accept(key, SpanExpectationReader.attributeCondition(entry.getValueNode(), name + "." + key, source));
        }
    }

    private static void body(LogExpectation.Builder builder, Node node, String name, YamlSource source) {
        if (node instanceof MappingNode mapping) {
            YamlMapping body = YamlMapping.of(node, name, "the body's text, or {contains: ...} or {equals: ...}",
                    BODY_KINDS, source);
            if (mapping.getValue().size() != 1) {
                throw source.error(node, name + " must hold exactly one of equals and contains; it holds "
                        + mapping.getValue().size());
            }
            body.value("equals").ifPresent(text -> builder.bodyEquals(text(text, body.name("equals"), source)));
            body.value("contains").ifPresent(text -> builder.bodyContains(
                    YamlNodes.nonEmptyText(text, body.name("contains"), source)));
            return;
        }
        builder.bodyEquals(text(node, name, source));
    }

    private static String text(Node node, String name, YamlSource source) {
        if (node instanceof ScalarNode scalar && !node.getTag().equals(Tag.NULL)) {
            return scalar.getValue();
        }
        throw source.error(node, name + " must be the body's text (quote it: \"order placed\"), was "
                + YamlNodes.describe(node));
    }

    /** A number (exactly that), or a comparison such as {@code ">= 3"}. */
    private static Comparison bound(Node node, String name, YamlSource source) {
        if (node instanceof ScalarNode scalar && (node.getTag().equals(Tag.INT) || node.getTag().equals(Tag.FLOAT))) {
            return Comparison.parse("== " + scalar.getValue()).orElseThrow(() -> source.error(node,
                    name + " \"" + scalar.getValue() + "\" is not a number; write a plain number or a comparison"
                            + " such as \">= 3\""));
        }
        if (node instanceof ScalarNode scalar && node.getTag().equals(Tag.STR)) {
            return Comparison.parse(scalar.getValue()).orElseThrow(() -> source.error(node, name + " \""
                    + scalar.getValue() + "\" is not a bound; write a number or an operator and a number, such as"
                    + " \">= 3\""));
        }
        throw source.error(node, name + " must be a number or a comparison such as \">= 3\", was "
                + YamlNodes.describe(node));
    }
}
