package dev.evalunit.code;

import com.google.protobuf.ByteString;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.logs.v1.SeverityNumber;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.Gauge;
import io.opentelemetry.proto.metrics.v1.Histogram;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.metrics.v1.Sum;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.MetricDataType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class OtlpReceiverTest {

    private static final String TRACE = "5b8efff798038103d269b633813fc60c";
    private static final String PARENT = "eee19b7ec3c1b174";
    private static final String CHILD = "eee19b7ec3c1b175";

    private static final String TOKEN = "0123456789abcdef0123456789abcdef";

    private final HttpClient client = HttpClient.newHttpClient();
    private OtlpReceiver receiver;

    @BeforeEach
    void start() throws IOException {
        receiver = OtlpReceiver.start(TOKEN);
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void receivesProtobufWithResourceScopeEventsLinksAndStatus() throws Exception {
        HttpResponse<byte[]> response = post("/v1/traces", "application/x-protobuf", request().toByteArray(), false);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-protobuf");
        assertReceived(receiver.spans());
    }

    @Test
    void receivesGzippedProtobuf() throws Exception {
        assertThat(post("/v1/traces", "application/x-protobuf", request().toByteArray(), true).statusCode())
                .isEqualTo(200);
        assertReceived(receiver.spans());
    }

    @Test
    void receivesJsonWithHexIdsAndNumericEnums() throws Exception {
        String json = """
                {"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"checkout"}}]},
                 "scopeSpans":[{"scope":{"name":"shop.checkout","version":"2.1"},"spans":[
                  {"traceId":"%s","spanId":"%s","name":"POST /checkout","kind":2,
                   "startTimeUnixNano":"1700000000000000000","endTimeUnixNano":"1700000000500000000",
                   "attributes":[{"key":"http.response.status_code","value":{"intValue":"500"}}],
                   "status":{"code":2,"message":"boom"}},
                  {"traceId":"%s","spanId":"%s","parentSpanId":"%s","name":"charge","kind":3,
                   "startTimeUnixNano":1700000000100000000,"endTimeUnixNano":1700000000200000000,
                   "events":[{"name":"exception","timeUnixNano":"1700000000150000000",
                     "attributes":[{"key":"exception.type","value":{"stringValue":"java.io.IOException"}}]}],
                   "links":[{"traceId":"%s","spanId":"%s"}],
                   "someFutureField":true}]}]}]}
                """.formatted(TRACE, PARENT, TRACE, CHILD, PARENT, TRACE, PARENT);

        HttpResponse<byte[]> response = post("/v1/traces", "application/json", json.getBytes(), false);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new String(response.body())).isEqualTo("{}");
        assertReceived(receiver.spans());
    }

    @Test
    void receivesProtobufLogsWithTheirSpanContextSeverityAndAttributes() throws Exception {
        LogRecord inSpan = LogRecord.newBuilder().setTraceId(id(TRACE)).setSpanId(id(CHILD)).setFlags(1)
                .setTimeUnixNano(1_700_000_000_150_000_000L).setSeverityNumber(SeverityNumber.SEVERITY_NUMBER_WARN)
                .setSeverityText("WARN").setBody(AnyValue.newBuilder().setStringValue("card declined"))
                .addAttributes(KeyValue.newBuilder().setKey("order.id").setValue(AnyValue.newBuilder().setIntValue(7)))
                .build();
        LogRecord outside = LogRecord.newBuilder().setBody(AnyValue.newBuilder().setStringValue("started")).build();
        ExportLogsServiceRequest request = ExportLogsServiceRequest.newBuilder().addResourceLogs(ResourceLogs
                .newBuilder().setResource(Resource.newBuilder().addAttributes(KeyValue.newBuilder()
                        .setKey("service.name").setValue(AnyValue.newBuilder().setStringValue("checkout"))))
                .addScopeLogs(ScopeLogs.newBuilder().setScope(InstrumentationScope.newBuilder().setName("shop"))
                        .addLogRecords(inSpan).addLogRecords(outside)))
                .build();

        assertThat(post("/v1/logs", "application/x-protobuf", request.toByteArray(), true).statusCode())
                .isEqualTo(200);

        assertThat(receiver.logs()).hasSize(2);
        LogRecordData first = receiver.logs().get(0);
        assertThat(first.getSpanContext().getTraceId()).isEqualTo(TRACE);
        assertThat(first.getSpanContext().getSpanId()).isEqualTo(CHILD);
        assertThat(first.getSeverity()).isEqualTo(Severity.WARN);
        assertThat(first.getSeverityText()).isEqualTo("WARN");
        assertThat(first.getBodyValue().asString()).isEqualTo("card declined");
        assertThat(first.getAttributes().get(AttributeKey.longKey("order.id"))).isEqualTo(7L);
        assertThat(first.getResource().getAttributes().get(AttributeKey.stringKey("service.name")))
                .isEqualTo("checkout");
        assertThat(first.getInstrumentationScopeInfo().getName()).isEqualTo("shop");
        assertThat(receiver.logs().get(1).getSpanContext().isValid()).isFalse();
        assertThat(receiver.spans()).isEmpty();
        assertThat(receiver.traceRequests()).isZero();
    }

    @Test
    void receivesJsonLogsWithHexIds() throws Exception {
        String json = """
                {"resourceLogs":[{"scopeLogs":[{"scope":{"name":"shop"},"logRecords":[
                  {"traceId":"%s","spanId":"%s","severityNumber":17,"body":{"stringValue":"boom"},
                   "attributes":[{"key":"retry","value":{"boolValue":true}}]}]}]}]}
                """.formatted(TRACE, PARENT);

        HttpResponse<byte[]> response = post("/v1/logs", "application/json", json.getBytes(), false);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(receiver.logs()).singleElement().satisfies(log -> {
            assertThat(log.getSpanContext().getSpanId()).isEqualTo(PARENT);
            assertThat(log.getSeverity()).isEqualTo(Severity.ERROR);
            assertThat(log.getBodyValue().asString()).isEqualTo("boom");
            assertThat(log.getAttributes().get(AttributeKey.booleanKey("retry"))).isTrue();
        });
    }

    @Test
    void receivesProtobufMetricsAsSdkMetricData() throws Exception {
        Metric counter = Metric.newBuilder().setName("orders.placed").setUnit("{order}")
                .setSum(Sum.newBuilder().setIsMonotonic(true)
                        .setAggregationTemporality(AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE)
                        .addDataPoints(NumberDataPoint.newBuilder().setAsInt(3).addAttributes(KeyValue.newBuilder()
                                .setKey("region").setValue(AnyValue.newBuilder().setStringValue("eu")))))
                .build();
        Metric latency = Metric.newBuilder().setName("checkout.duration").setUnit("ms")
                .setHistogram(Histogram.newBuilder()
                        .setAggregationTemporality(AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA)
                        .addDataPoints(HistogramDataPoint.newBuilder().setCount(3).setSum(60).setMin(10).setMax(30)
                                .addExplicitBounds(20).addBucketCounts(1).addBucketCounts(2)))
                .build();
        Metric temperature = Metric.newBuilder().setName("cpu.temperature")
                .setGauge(Gauge.newBuilder().addDataPoints(NumberDataPoint.newBuilder().setAsDouble(61.5)))
                .build();
        ExportMetricsServiceRequest request = ExportMetricsServiceRequest.newBuilder().addResourceMetrics(
                ResourceMetrics.newBuilder().addScopeMetrics(ScopeMetrics.newBuilder()
                        .setScope(InstrumentationScope.newBuilder().setName("shop"))
                        .addMetrics(counter).addMetrics(latency).addMetrics(temperature)))
                .build();

        assertThat(post("/v1/metrics", "application/x-protobuf", request.toByteArray(), false).statusCode())
                .isEqualTo(200);

        assertThat(receiver.metrics()).hasSize(3);
        MetricData sum = receiver.metrics().get(0);
        assertThat(sum.getName()).isEqualTo("orders.placed");
        assertThat(sum.getUnit()).isEqualTo("{order}");
        assertThat(sum.getType()).isEqualTo(MetricDataType.LONG_SUM);
        assertThat(sum.getLongSumData().isMonotonic()).isTrue();
        assertThat(sum.getLongSumData().getPoints()).singleElement().satisfies(point -> {
            assertThat(point.getValue()).isEqualTo(3);
            assertThat(point.getAttributes().get(AttributeKey.stringKey("region"))).isEqualTo("eu");
        });
        MetricData histogram = receiver.metrics().get(1);
        assertThat(histogram.getType()).isEqualTo(MetricDataType.HISTOGRAM);
        assertThat(histogram.getHistogramData().getAggregationTemporality())
                .isEqualTo(io.opentelemetry.sdk.metrics.data.AggregationTemporality.DELTA);
        assertThat(histogram.getHistogramData().getPoints()).singleElement().satisfies(point -> {
            assertThat(point.getCount()).isEqualTo(3);
            assertThat(point.getSum()).isEqualTo(60.0);
            assertThat(point.getMax()).isEqualTo(30.0);
            assertThat(point.getCounts()).containsExactly(1L, 2L);
        });
        MetricData gauge = receiver.metrics().get(2);
        assertThat(gauge.getType()).isEqualTo(MetricDataType.DOUBLE_GAUGE);
        assertThat(gauge.getDoubleGaugeData().getPoints()).singleElement()
                .satisfies(point -> assertThat(point.getValue()).isEqualTo(61.5));
    }

    @Test
    void receivesJsonMetrics() throws Exception {
        String json = """
                {"resourceMetrics":[{"scopeMetrics":[{"metrics":[{"name":"orders.placed","unit":"1",
                  "sum":{"isMonotonic":true,"aggregationTemporality":2,
                   "dataPoints":[{"asInt":"5","attributes":[{"key":"region","value":{"stringValue":"us"}}]}]}}]}]}]}
                """;

        assertThat(post("/v1/metrics", "application/json", json.getBytes(), true).statusCode()).isEqualTo(200);

        assertThat(receiver.metrics()).singleElement().satisfies(metric -> {
            assertThat(metric.getType()).isEqualTo(MetricDataType.LONG_SUM);
            assertThat(metric.getLongSumData().getPoints()).singleElement()
                    .satisfies(point -> assertThat(point.getValue()).isEqualTo(5));
        });
    }

    @Test
    void refusesLogsAndMetricsWithoutTheTokenOrThatDoNotParse() throws Exception {
        assertThat(post("/v1/logs", "application/json", "{}".getBytes(), false, "wrong").statusCode())
                .isEqualTo(401);
        assertThat(post("/v1/metrics", "application/x-protobuf", new byte[] {(byte) 0xff, 1, 2}, false).statusCode())
                .isEqualTo(400);
        assertThat(post("/v1/logs", "application/json", "[1]".getBytes(), false).statusCode()).isEqualTo(400);

        assertThat(receiver.rejected()).hasSize(3);
        assertThat(receiver.rejected().get(0)).startsWith("401: a request without this trial's");
        assertThat(receiver.rejected().get(1)).startsWith("400: a metric request that does not parse as OTLP protobuf");
        assertThat(receiver.rejected().get(2)).startsWith("400: a log request that does not parse as OTLP JSON");
        assertThat(receiver.logs()).isEmpty();
        assertThat(receiver.metrics()).isEmpty();
    }

    @Test
    void refusesWhatIsNotOtlpAndSaysWhy() throws Exception {
        assertThat(post("/v1/traces", "text/plain", "hello".getBytes(), false).statusCode()).isEqualTo(415);
        assertThat(post("/v1/traces", "application/x-protobuf", new byte[] {(byte) 0xff, 1, 2}, false).statusCode())
                .isEqualTo(400);
        assertThat(post("/v2/traces", "application/x-protobuf", new byte[0], false).statusCode()).isEqualTo(404);
        assertThat(receiver.rejected()).hasSize(2);
        assertThat(receiver.rejected().get(0)).isEqualTo("415: Content-Type text/plain (OTLP/HTTP sends"
                + " application/x-protobuf or application/json)");
        assertThat(receiver.rejected().get(1)).startsWith("400: a trace request that does not parse as OTLP protobuf");
        assertThat(receiver.traceRequests()).isEqualTo(2);
    }

    @Test
    void listensOnLoopbackOnly() {
        assertThat(receiver.endpoint()).startsWith("http://127.0.0.1:");
    }

    private static void assertReceived(List<SpanData> spans) {
        assertThat(spans).hasSize(2);
        SpanData server = spans.get(0);
        SpanData charge = spans.get(1);
        assertThat(server.getName()).isEqualTo("POST /checkout");
        assertThat(server.getKind()).isEqualTo(SpanKind.SERVER);
        assertThat(server.getTraceId()).isEqualTo(TRACE);
        assertThat(server.getSpanId()).isEqualTo(PARENT);
        assertThat(server.getParentSpanContext().isValid()).isFalse();
        assertThat(server.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(server.getStatus().getDescription()).isEqualTo("boom");
        assertThat(server.getAttributes().asMap().toString()).contains("http.response.status_code=500");
        assertThat(server.getResource().getAttributes().asMap().toString()).contains("service.name=checkout");
        assertThat(server.getInstrumentationScopeInfo().getName()).isEqualTo("shop.checkout");
        assertThat(server.getInstrumentationScopeInfo().getVersion()).isEqualTo("2.1");
        assertThat(server.getStartEpochNanos()).isEqualTo(1_700_000_000_000_000_000L);
        assertThat(charge.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(charge.getParentSpanId()).isEqualTo(PARENT);
        assertThat(charge.getEvents()).singleElement().satisfies(event -> {
            assertThat(event.getName()).isEqualTo("exception");
            assertThat(event.getAttributes().asMap().toString()).contains("exception.type=java.io.IOException");
        });
        assertThat(charge.getLinks()).singleElement()
                .satisfies(link -> assertThat(link.getSpanContext().getSpanId()).isEqualTo(PARENT));
    }

    private static ExportTraceServiceRequest request() {
        Span server = Span.newBuilder().setTraceId(id(TRACE)).setSpanId(id(PARENT)).setName("POST /checkout")
                .setKind(Span.SpanKind.SPAN_KIND_SERVER)
                .setStartTimeUnixNano(1_700_000_000_000_000_000L).setEndTimeUnixNano(1_700_000_000_500_000_000L)
                .addAttributes(KeyValue.newBuilder().setKey("http.response.status_code")
                        .setValue(AnyValue.newBuilder().setIntValue(500)))
                .addAttributes(KeyValue.newBuilder().setKey("tags").setValue(AnyValue.newBuilder().setArrayValue(
                        ArrayValue.newBuilder().addValues(AnyValue.newBuilder().setStringValue("a")))))
                .setStatus(Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_ERROR).setMessage("boom"))
                .build();
        Span charge = Span.newBuilder().setTraceId(id(TRACE)).setSpanId(id(CHILD)).setParentSpanId(id(PARENT))
                .setName("charge").setKind(Span.SpanKind.SPAN_KIND_CLIENT)
                .setStartTimeUnixNano(1_700_000_000_100_000_000L).setEndTimeUnixNano(1_700_000_000_200_000_000L)
                .addEvents(Span.Event.newBuilder().setName("exception").setTimeUnixNano(1_700_000_000_150_000_000L)
                        .addAttributes(KeyValue.newBuilder().setKey("exception.type")
                                .setValue(AnyValue.newBuilder().setStringValue("java.io.IOException"))))
                .addLinks(Span.Link.newBuilder().setTraceId(id(TRACE)).setSpanId(id(PARENT)))
                .build();
        return ExportTraceServiceRequest.newBuilder().addResourceSpans(ResourceSpans.newBuilder()
                .setResource(Resource.newBuilder().addAttributes(KeyValue.newBuilder().setKey("service.name")
                        .setValue(AnyValue.newBuilder().setStringValue("checkout"))))
                .addScopeSpans(ScopeSpans.newBuilder()
                        .setScope(InstrumentationScope.newBuilder().setName("shop.checkout").setVersion("2.1"))
                        .addSpans(server).addSpans(charge)))
                .build();
    }

    private static ByteString id(String hex) {
        return ByteString.copyFrom(HexFormat.of().parseHex(hex));
    }

    private HttpResponse<byte[]> post(String path, String type, byte[] body, boolean gzip) throws Exception {
        return post(path, type, body, gzip, TOKEN);
    }

    private HttpResponse<byte[]> post(String path, String type, byte[] body, boolean gzip, String token)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(receiver.endpoint() + path))
                .header("Content-Type", type).header(OtlpReceiver.TOKEN_HEADER, token);
        if (gzip) {
            ByteArrayOutputStream zipped = new ByteArrayOutputStream();
            try (GZIPOutputStream out = new GZIPOutputStream(zipped)) {
                out.write(body);
            }
            body = zipped.toByteArray();
            request.header("Content-Encoding", "gzip");
        }
        return client.send(request.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
