package dev.evalunit.code;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.testing.trace.TestSpanData;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * OTLP trace requests, in the protobuf and JSON encodings of OTLP/HTTP, turned into the SDK's
 * {@link SpanData}, each span with its resource and instrumentation scope, so the same checks
 * apply to a program's spans as to the trial's own.
 */
final class OtlpSpans {

    /** In OTLP/JSON, ids are hex, not the base64 of protobuf's JSON mapping. */
    private static final Set<String> ID_FIELDS = Set.of("traceId", "spanId", "parentSpanId", "trace_id",
            "span_id", "parent_span_id");
    private static final Pattern HEX = Pattern.compile("(?:[0-9a-fA-F]{2})*");

    /** A span whose parent came from another process: flags bits 8 and 9 (has-is-remote, is-remote). */
    private static final int PARENT_IS_REMOTE = 0x300;

    private static final ObjectMapper JSON = new ObjectMapper();

    private OtlpSpans() {
    }

    /** @throws InvalidProtocolBufferException when the bytes are not an {@code ExportTraceServiceRequest} */
    static List<SpanData> fromProtobuf(byte[] body) throws InvalidProtocolBufferException {
        return spans(ExportTraceServiceRequest.parseFrom(body));
    }

    /** @throws IOException when the text is not an OTLP/JSON {@code ExportTraceServiceRequest} */
    static List<SpanData> fromJson(byte[] body) throws IOException {
        ExportTraceServiceRequest.Builder request = ExportTraceServiceRequest.newBuilder();
        mergeJson(body, request);
        return spans(request.build());
    }

    /**
     * Merges an OTLP/JSON body into a request of any signal: ids in hex, unknown fields ignored.
     *
     * @throws IOException when the text is not a JSON object of that request
     */
    static void mergeJson(byte[] body, com.google.protobuf.Message.Builder request) throws IOException {
        JsonNode tree = JSON.readTree(new String(body, StandardCharsets.UTF_8));
        if (tree == null || !tree.isObject()) {
            throw new IOException("the body is not a JSON object");
        }
        hexIdsToBase64(tree);
        JsonFormat.parser().ignoringUnknownFields().merge(JSON.writeValueAsString(tree), request);
    }

    private static void hexIdsToBase64(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            List<Map.Entry<String, JsonNode>> replaced = new ArrayList<>();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (ID_FIELDS.contains(field.getKey()) && field.getValue().isTextual()
                        && HEX.matcher(field.getValue().asText()).matches()) {
                    byte[] id = HexFormat.of().parseHex(field.getValue().asText());
                    replaced.add(Map.entry(field.getKey(), new TextNode(Base64.getEncoder().encodeToString(id))));
                } else {
                    hexIdsToBase64(field.getValue());
                }
            }
            replaced.forEach(field -> object.set(field.getKey(), field.getValue()));
        } else if (node instanceof ArrayNode array) {
            array.forEach(OtlpSpans::hexIdsToBase64);
        }
    }

    static List<SpanData> spans(ExportTraceServiceRequest request) {
        List<SpanData> spans = new ArrayList<>();
        for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
            Resource resource = Resource.create(attributes(resourceSpans.getResource().getAttributesList()),
                    emptyToNull(resourceSpans.getSchemaUrl()));
            for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
                InstrumentationScopeInfo scope = scope(scopeSpans.getScope(), scopeSpans.getSchemaUrl());
                for (Span span : scopeSpans.getSpansList()) {
                    spans.add(span(span, resource, scope));
                }
            }
        }
        return spans;
    }

    static InstrumentationScopeInfo scope(InstrumentationScope scope, String schemaUrl) {
        var builder = InstrumentationScopeInfo.builder(scope.getName())
                .setAttributes(attributes(scope.getAttributesList()));
        if (!scope.getVersion().isEmpty()) {
            builder.setVersion(scope.getVersion());
        }
        if (!schemaUrl.isEmpty()) {
            builder.setSchemaUrl(schemaUrl);
        }
        return builder.build();
    }

    private static SpanData span(Span span, Resource resource, InstrumentationScopeInfo scope) {
        String traceId = hex(span.getTraceId());
        TraceState state = TraceState.getDefault();
        SpanContext context = SpanContext.create(traceId, hex(span.getSpanId()), TraceFlags.getSampled(), state);
        SpanContext parent = SpanContext.getInvalid();
        if (!span.getParentSpanId().isEmpty()) {
            String parentId = hex(span.getParentSpanId());
            parent = (span.getFlags() & PARENT_IS_REMOTE) == PARENT_IS_REMOTE
                    ? SpanContext.createFromRemoteParent(traceId, parentId, TraceFlags.getSampled(), state)
                    : SpanContext.create(traceId, parentId, TraceFlags.getSampled(), state);
        }
        List<EventData> events = span.getEventsList().stream()
                .map(event -> EventData.create(event.getTimeUnixNano(), event.getName(),
                        attributes(event.getAttributesList()),
                        event.getAttributesCount() + event.getDroppedAttributesCount()))
                .collect(Collectors.toList());
        List<LinkData> links = span.getLinksList().stream()
                .map(link -> LinkData.create(SpanContext.create(hex(link.getTraceId()), hex(link.getSpanId()),
                                TraceFlags.getSampled(), TraceState.getDefault()),
                        attributes(link.getAttributesList()),
                        link.getAttributesCount() + link.getDroppedAttributesCount()))
                .collect(Collectors.toList());
        return TestSpanData.builder()
                .setSpanContext(context)
                .setParentSpanContext(parent)
                .setResource(resource)
                .setInstrumentationScopeInfo(scope)
                .setName(span.getName())
                .setKind(kind(span.getKind()))
                .setStartEpochNanos(span.getStartTimeUnixNano())
                .setEndEpochNanos(Math.max(span.getStartTimeUnixNano(), span.getEndTimeUnixNano()))
                .setAttributes(attributes(span.getAttributesList()))
                .setEvents(events)
                .setLinks(links)
                .setStatus(status(span.getStatus()))
                .setHasEnded(true)
                .setTotalRecordedEvents(span.getEventsCount() + span.getDroppedEventsCount())
                .setTotalRecordedLinks(span.getLinksCount() + span.getDroppedLinksCount())
                .setTotalAttributeCount(span.getAttributesCount() + span.getDroppedAttributesCount())
                .build();
    }

    private static SpanKind kind(Span.SpanKind kind) {
        return switch (kind) {
            case SPAN_KIND_SERVER -> SpanKind.SERVER;
            case SPAN_KIND_CLIENT -> SpanKind.CLIENT;
            case SPAN_KIND_PRODUCER -> SpanKind.PRODUCER;
            case SPAN_KIND_CONSUMER -> SpanKind.CONSUMER;
            default -> SpanKind.INTERNAL;
        };
    }

    private static StatusData status(Status status) {
        StatusCode code = switch (status.getCode()) {
            case STATUS_CODE_OK -> StatusCode.OK;
            case STATUS_CODE_ERROR -> StatusCode.ERROR;
            default -> StatusCode.UNSET;
        };
        return StatusData.create(code, status.getMessage());
    }

    static Attributes attributes(List<KeyValue> keyValues) {
        AttributesBuilder attributes = Attributes.builder();
        for (KeyValue keyValue : keyValues) {
            put(attributes, keyValue.getKey(), keyValue.getValue());
        }
        return attributes.build();
    }

    private static void put(AttributesBuilder attributes, String key, AnyValue value) {
        switch (value.getValueCase()) {
            case STRING_VALUE -> attributes.put(AttributeKey.stringKey(key), value.getStringValue());
            case BOOL_VALUE -> attributes.put(AttributeKey.booleanKey(key), value.getBoolValue());
            case INT_VALUE -> attributes.put(AttributeKey.longKey(key), value.getIntValue());
            case DOUBLE_VALUE -> attributes.put(AttributeKey.doubleKey(key), value.getDoubleValue());
            case ARRAY_VALUE -> putArray(attributes, key, value.getArrayValue().getValuesList());
            case KVLIST_VALUE, BYTES_VALUE -> attributes.put(AttributeKey.stringKey(key), text(value));
            default -> {
                // An empty value: nothing to record, as the SDK records nothing for it.
            }
        }
    }

    private static void putArray(AttributesBuilder attributes, String key, List<AnyValue> values) {
        Set<AnyValue.ValueCase> cases = values.stream().map(AnyValue::getValueCase).collect(Collectors.toSet());
        if (cases.equals(Set.of(AnyValue.ValueCase.BOOL_VALUE))) {
            attributes.put(AttributeKey.booleanArrayKey(key), values.stream().map(AnyValue::getBoolValue).toList());
        } else if (cases.equals(Set.of(AnyValue.ValueCase.INT_VALUE))) {
            attributes.put(AttributeKey.longArrayKey(key), values.stream().map(AnyValue::getIntValue).toList());
        } else if (cases.equals(Set.of(AnyValue.ValueCase.DOUBLE_VALUE))) {
            attributes.put(AttributeKey.doubleArrayKey(key), values.stream().map(AnyValue::getDoubleValue).toList());
        } else {
            attributes.put(AttributeKey.stringArrayKey(key), values.stream().map(OtlpSpans::text).toList());
        }
    }

    /** @return a value as text: scalars as written, bytes as base64, lists and maps JSON-like */
    static String text(AnyValue value) {
        return switch (value.getValueCase()) {
            case STRING_VALUE -> value.getStringValue();
            case BOOL_VALUE -> String.valueOf(value.getBoolValue());
            case INT_VALUE -> String.valueOf(value.getIntValue());
            case DOUBLE_VALUE -> String.valueOf(value.getDoubleValue());
            case BYTES_VALUE -> Base64.getEncoder().encodeToString(value.getBytesValue().toByteArray());
            case ARRAY_VALUE -> value.getArrayValue().getValuesList().stream().map(OtlpSpans::text)
                    .collect(Collectors.joining(",", "[", "]"));
            case KVLIST_VALUE -> value.getKvlistValue().getValuesList().stream()
                    .map(entry -> entry.getKey() + "=" + text(entry.getValue()))
                    .collect(Collectors.joining(",", "{", "}"));
            default -> "";
        };
    }

    static String hex(ByteString id) {
        return HexFormat.of().formatHex(id.toByteArray());
    }

    static String emptyToNull(String text) {
        return text.isEmpty() ? null : text;
    }
}
