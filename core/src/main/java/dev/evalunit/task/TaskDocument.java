package dev.evalunit.task;

import org.apiguardian.api.API;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLConnection;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import dev.evalunit.source.YamlLimits;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * A task file found on the classpath or on disk, not yet read: where it is, how to show it, and
 * the id its task gets when the file sets none.
 *
 * @param uri where the file is ({@code file:} on disk, {@code jar:} inside an archive); never {@code null}
 * @param path the file's path as a user would recognise it, such as {@code sre/tools/oom.yaml}; never {@code null}
 * @param defaultId the path under the scanned location without extension, such as {@code tools/oom};
 *        never {@code null}
 * @param defaults the folder defaults ({@code _defaults.yaml}) that apply to the file, outermost
 *        first: those of the scanned folder and of every folder down to the file's; never {@code null}
 * @since 0.1.0
 * @see TaskDocuments
 */
@API(status = INTERNAL, since = "0.1.0")
public record TaskDocument(URI uri, String path, String defaultId, List<TaskDocument> defaults) {

    /** A UTF-8 code point takes at most 4 bytes: a file this long is oversized whatever it holds. */
    private static final long MAX_BYTES = 4L * YamlLimits.MAX_CODE_POINTS;

    public TaskDocument {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(defaultId, "defaultId");
        defaults = List.copyOf(Objects.requireNonNull(defaults, "defaults"));
    }

    /** A file no folder defaults apply to. */
    public TaskDocument(URI uri, String path, String defaultId) {
        this(uri, path, defaultId, List.of());
    }

    /**
     * @return the file's text
     * @throws IOException when the file cannot be read, is not valid UTF-8 or is oversized
     */
    public String read() throws IOException {
        if ("file".equals(uri.getScheme())) {
            // The JDK's own path for a file on disk: one array of the file's size, decoded at once;
            // like the decoder below it refuses text that is not UTF-8.
            Path file = Path.of(uri);
            if (Files.size(file) > MAX_BYTES) {
                throw tooLarge();
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        }
        byte[] bytes;
        try (InputStream in = open()) {
            bytes = in.readNBytes((int) MAX_BYTES + 1);
        }
        if (bytes.length > MAX_BYTES) {
            throw tooLarge();
        }
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }

    private static IOException tooLarge() {
        return new IOException("the file is larger than " + MAX_BYTES + " bytes; split it into smaller task files");
    }

    private InputStream open() throws IOException {
        URLConnection connection = uri.toURL().openConnection();
        // A cached connection keeps the jar open (and locked on Windows) after the read.
        connection.setUseCaches(false);
        return connection.getInputStream();
    }
}
