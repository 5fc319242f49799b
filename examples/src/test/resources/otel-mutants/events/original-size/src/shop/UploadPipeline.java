package shop;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/** Uploads files: validates them, compresses them and stores them under a key. */
public class UploadPipeline {

    private final Map<String, byte[]> storage = new LinkedHashMap<>();
    private final Tracer tracer;

    UploadPipeline(Tracer tracer) {
        this.tracer = tracer;
    }

    String upload(String name, String content) throws IOException {
        Span span = tracer.spanBuilder("upload file").setAttribute("file.name", name).startSpan();
        try (Scope ignored = span.makeCurrent()) {
            byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
            if (bytes.length == 0) {
                throw new IllegalArgumentException("empty file: " + name);
            }
            span.addEvent("validated");
            byte[] compressed = gzip(bytes);
            span.addEvent("compressed", Attributes.of(AttributeKey.longKey("compressed.bytes"), (long) bytes.length));
            String key = "uploads/" + name + ".gz";
            storage.put(key, compressed);
            span.addEvent("stored", Attributes.of(AttributeKey.stringKey("storage.key"), key));
            return key;
        } finally {
            span.end();
        }
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        }
        return out.toByteArray();
    }

    public static void main(String[] args) throws IOException {
        Tracer tracer = AutoConfiguredOpenTelemetrySdk.initialize().getOpenTelemetrySdk().getTracer("shop.uploads");
        UploadPipeline pipeline = new UploadPipeline(tracer);
        System.out.println("stored " + pipeline.upload("invoice-7.txt", "Invoice 7\n".repeat(40)));
        System.out.println("stored " + pipeline.upload("notes.txt", "ship on Monday\n"));
    }
}
