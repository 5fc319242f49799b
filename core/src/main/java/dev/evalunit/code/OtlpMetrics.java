package dev.evalunit.code;

import com.google.protobuf.InvalidProtocolBufferException;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.DoublePointData;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.internal.data.ImmutableDoublePointData;
import io.opentelemetry.sdk.metrics.internal.data.ImmutableGaugeData;
import io.opentelemetry.sdk.metrics.internal.data.ImmutableHistogramData;
import io.opentelemetry.sdk.metrics.internal.data.ImmutableHistogramPointData;
import io.opentelemetry.sdk.metrics.internal.data.ImmutableLongPointData;
import io.opentelemetry.sdk.metrics.internal.data.ImmutableMetricData;
import io.opentelemetry.sdk.metrics.internal.data.ImmutableSumData;
import io.opentelemetry.sdk.resources.Resource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * OTLP metric requests, in the protobuf and JSON encodings of OTLP/HTTP, turned into the SDK's
 * {@link MetricData} (built with the SDK's own immutable data classes, as its exporters' tests do):
 * sums, gauges and explicit-bucket histograms. Exponential histograms and summaries, which the
 * SDK's default views do not produce, are not mapped and not kept.
 */
final class OtlpMetrics {

    private OtlpMetrics() {
    }

    /** @throws InvalidProtocolBufferException when the bytes are not an {@code ExportMetricsServiceRequest} */
    static List<MetricData> fromProtobuf(byte[] body) throws InvalidProtocolBufferException {
        return metrics(ExportMetricsServiceRequest.parseFrom(body));
    }

    /** @throws IOException when the text is not an OTLP/JSON {@code ExportMetricsServiceRequest} */
    static List<MetricData> fromJson(byte[] body) throws IOException {
        ExportMetricsServiceRequest.Builder request = ExportMetricsServiceRequest.newBuilder();
        OtlpSpans.mergeJson(body, request);
        return metrics(request.build());
    }

    static List<MetricData> metrics(ExportMetricsServiceRequest request) {
        List<MetricData> metrics = new ArrayList<>();
        for (ResourceMetrics resourceMetrics : request.getResourceMetricsList()) {
            Resource resource = Resource.create(
                    OtlpSpans.attributes(resourceMetrics.getResource().getAttributesList()),
                    OtlpSpans.emptyToNull(resourceMetrics.getSchemaUrl()));
            for (ScopeMetrics scopeMetrics : resourceMetrics.getScopeMetricsList()) {
                InstrumentationScopeInfo scope = OtlpSpans.scope(scopeMetrics.getScope(),
                        scopeMetrics.getSchemaUrl());
                for (Metric metric : scopeMetrics.getMetricsList()) {
                    MetricData data = metric(metric, resource, scope);
                    if (data != null) {
                        metrics.add(data);
                    }
                }
            }
        }
        return metrics;
    }

    /** @return the metric, {@code null} when it is of a kind not mapped */
    private static MetricData metric(Metric metric, Resource resource, InstrumentationScopeInfo scope) {
        String name = metric.getName();
        String description = metric.getDescription();
        String unit = metric.getUnit();
        return switch (metric.getDataCase()) {
            case SUM -> {
                var sum = metric.getSum();
                AggregationTemporality temporality = temporality(sum.getAggregationTemporalityValue());
                yield integers(sum.getDataPointsList())
                        ? ImmutableMetricData.createLongSum(resource, scope, name, description, unit,
                                ImmutableSumData.create(sum.getIsMonotonic(), temporality,
                                        longs(sum.getDataPointsList())))
                        : ImmutableMetricData.createDoubleSum(resource, scope, name, description, unit,
                                ImmutableSumData.create(sum.getIsMonotonic(), temporality,
                                        doubles(sum.getDataPointsList())));
            }
            case GAUGE -> {
                var points = metric.getGauge().getDataPointsList();
                yield integers(points)
                        ? ImmutableMetricData.createLongGauge(resource, scope, name, description, unit,
                                ImmutableGaugeData.create(longs(points)))
                        : ImmutableMetricData.createDoubleGauge(resource, scope, name, description, unit,
                                ImmutableGaugeData.create(doubles(points)));
            }
            case HISTOGRAM -> {
                var histogram = metric.getHistogram();
                List<HistogramPointData> points = histogram.getDataPointsList().stream()
                        .map(point -> (HistogramPointData) ImmutableHistogramPointData.create(
                                point.getStartTimeUnixNano(), point.getTimeUnixNano(),
                                OtlpSpans.attributes(point.getAttributesList()),
                                point.hasSum() ? point.getSum() : 0,
                                point.hasMin(), point.getMin(), point.hasMax(), point.getMax(),
                                point.getBucketCountsCount() == 0 ? List.of() : point.getExplicitBoundsList(),
                                point.getBucketCountsCount() == 0 ? List.of(point.getCount())
                                        : point.getBucketCountsList()))
                        .toList();
                yield ImmutableMetricData.createDoubleHistogram(resource, scope, name, description, unit,
                        ImmutableHistogramData.create(
                                temporality(histogram.getAggregationTemporalityValue()), points));
            }
            default -> null;
        };
    }

    private static boolean integers(List<NumberDataPoint> points) {
        return !points.isEmpty() && points.stream().allMatch(point -> point.getValueCase() == NumberDataPoint.ValueCase.AS_INT);
    }

    private static List<LongPointData> longs(List<NumberDataPoint> points) {
        return points.stream().map(point -> ImmutableLongPointData.create(point.getStartTimeUnixNano(),
                point.getTimeUnixNano(), OtlpSpans.attributes(point.getAttributesList()), point.getAsInt()))
                .toList();
    }

    private static List<DoublePointData> doubles(List<NumberDataPoint> points) {
        return points.stream().map(point -> ImmutableDoublePointData.create(point.getStartTimeUnixNano(),
                point.getTimeUnixNano(), OtlpSpans.attributes(point.getAttributesList()),
                point.getValueCase() == NumberDataPoint.ValueCase.AS_INT ? point.getAsInt() : point.getAsDouble()))
                .toList();
    }

    private static AggregationTemporality temporality(int value) {
        return value == 1 ? AggregationTemporality.DELTA : AggregationTemporality.CUMULATIVE;
    }
}
