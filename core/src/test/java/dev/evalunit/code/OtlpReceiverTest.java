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
    void acceptsAndDropsMetricsAndLogs() throws Exception {
        assertThat(post("/v1/metrics", "application/x-protobuf", new byte[0], false).statusCode()).isEqualTo(200);
        assertThat(post("/v1/logs", "application/json", "{}".getBytes(), false).statusCode()).isEqualTo(200);
        assertThat(receiver.spans()).isEmpty();
        assertThat(receiver.traceRequests()).isZero();
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
