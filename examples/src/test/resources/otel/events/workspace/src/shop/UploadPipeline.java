package shop;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/** Uploads files: validates them, compresses them and stores them under a key. */
public class UploadPipeline {

    private final Map<String, byte[]> storage = new LinkedHashMap<>();

    String upload(String name, String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        if (bytes.length == 0) {
            throw new IllegalArgumentException("empty file: " + name);
        }
        byte[] compressed = gzip(bytes);
        String key = "uploads/" + name + ".gz";
        storage.put(key, compressed);
        return key;
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        }
        return out.toByteArray();
    }

    public static void main(String[] args) throws IOException {
        UploadPipeline pipeline = new UploadPipeline();
        System.out.println("stored " + pipeline.upload("invoice-7.txt", "Invoice 7\n".repeat(40)));
        System.out.println("stored " + pipeline.upload("notes.txt", "ship on Monday\n"));
    }
}
