package dev.evalunit.code;

import com.google.protobuf.InvalidProtocolBufferException;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.testing.logs.TestLogRecordData;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * OTLP log requests, in the protobuf and JSON encodings of OTLP/HTTP, turned into the SDK's
 * {@link LogRecordData}, each record with its resource, scope and the span context it was
 * emitted in (invalid when it was emitted outside a span).
 */
final class OtlpLogs {

    private OtlpLogs() {
    }

    /** @throws InvalidProtocolBufferException when the bytes are not an {@code ExportLogsServiceRequest} */
    static List<LogRecordData> fromProtobuf(byte[] body) throws InvalidProtocolBufferException {
        return logs(ExportLogsServiceRequest.parseFrom(body));
    }

    /** @throws IOException when the text is not an OTLP/JSON {@code ExportLogsServiceRequest} */
    static List<LogRecordData> fromJson(byte[] body) throws IOException {
        ExportLogsServiceRequest.Builder request = ExportLogsServiceRequest.newBuilder();
        OtlpSpans.mergeJson(body, request);
        return logs(request.build());
    }

    static List<LogRecordData> logs(ExportLogsServiceRequest request) {
        List<LogRecordData> logs = new ArrayList<>();
        for (ResourceLogs resourceLogs : request.getResourceLogsList()) {
            Resource resource = Resource.create(OtlpSpans.attributes(resourceLogs.getResource().getAttributesList()),
                    OtlpSpans.emptyToNull(resourceLogs.getSchemaUrl()));
            for (ScopeLogs scopeLogs : resourceLogs.getScopeLogsList()) {
                InstrumentationScopeInfo scope = OtlpSpans.scope(scopeLogs.getScope(), scopeLogs.getSchemaUrl());
                for (LogRecord record : scopeLogs.getLogRecordsList()) {
                    logs.add(log(record, resource, scope));
                }
            }
        }
        return logs;
    }

    private static LogRecordData log(LogRecord record, Resource resource, InstrumentationScopeInfo scope) {
        SpanContext context = SpanContext.getInvalid();
        if (!record.getTraceId().isEmpty() && !record.getSpanId().isEmpty()) {
            context = SpanContext.create(OtlpSpans.hex(record.getTraceId()), OtlpSpans.hex(record.getSpanId()),
                    TraceFlags.fromByte((byte) (record.getFlags() & 0xff)), TraceState.getDefault());
        }
        var builder = TestLogRecordData.builder()
                .setResource(resource)
                .setInstrumentationScopeInfo(scope)
                .setTimestamp(record.getTimeUnixNano(), TimeUnit.NANOSECONDS)
                .setObservedTimestamp(record.getObservedTimeUnixNano(), TimeUnit.NANOSECONDS)
                .setSpanContext(context)
                .setSeverity(severity(record.getSeverityNumberValue()))
                .setAttributes(OtlpSpans.attributes(record.getAttributesList()))
                .setTotalAttributeCount(record.getAttributesCount() + record.getDroppedAttributesCount());
        if (!record.getSeverityText().isEmpty()) {
            builder.setSeverityText(record.getSeverityText());
        }
        if (!record.getEventName().isEmpty()) {
            builder.setEventName(record.getEventName());
        }
        if (record.getBody().getValueCase() != AnyValue.ValueCase.VALUE_NOT_SET) {
            builder.setBody(OtlpSpans.text(record.getBody()));
        }
        return builder.build();
    }

    /** @return the severity of an OTLP severity number, {@link Severity#UNDEFINED_SEVERITY_NUMBER} when unknown */
    static Severity severity(int number) {
        for (Severity severity : Severity.values()) {
            if (severity.getSeverityNumber() == number) {
                return severity;
            }
        }
        return Severity.UNDEFINED_SEVERITY_NUMBER;
    }
}
