package dev.evalunit.task;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLConnection;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a task file's dataset is: its path relative to the task file, resolved on disk or inside
 * the same jar, and how a user would recognise it in messages.
 *
 * @param uri where the dataset is
 * @param path the dataset's path as shown in messages, next to the task file's, such as
 *        {@code triage/incidents.jsonl}
 */
record DatasetLocation(URI uri, String path) {

    /**
     * @param relative the path written after {@code dataset:}
     * @return the location, or empty when {@code relative} is not a relative path
     */
    static Optional<DatasetLocation> resolve(URI taskFile, String taskPath, String relative) {
        if (relative.startsWith("/") || relative.startsWith("\\") || relative.contains("\\")
                || relative.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*")) {
            return Optional.empty();
        }
        URI reference;
        try {
            reference = new URI(null, null, relative, null);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        return Optional.of(new DatasetLocation(resolve(taskFile, reference), sibling(taskPath, relative)));
    }

    private static URI resolve(URI taskFile, URI reference) {
        if (!"jar".equals(taskFile.getScheme())) {
            return taskFile.resolve(reference);
        }
        // jar:file:/x.jar!/sre/a.yaml is opaque to URI.resolve: resolve the entry, keep the archive.
        String text = taskFile.toString();
        int separator = text.indexOf("!/");
        URI entry = URI.create(text.substring(separator + 1)).resolve(reference);
        return URI.create(text.substring(0, separator + 1) + entry);
    }

    private static String sibling(String taskPath, String relative) {
        Deque<String> parts = new ArrayDeque<>();
        String[] names = taskPath.split("/", -1);
        for (int i = 0; i < names.length - 1; i++) {
            parts.addLast(names[i]);
        }
        for (String name : relative.split("/")) {
            if (name.equals("..") && !parts.isEmpty() && !parts.peekLast().equals("..") && !parts.peekLast().isEmpty()) {
                parts.removeLast();
            } else if (!name.equals(".") && !name.isEmpty()) {
                parts.addLast(name);
            }
        }
        return String.join("/", parts);
    }

    /** @return the format its extension names, if any */
    Optional<DatasetFormat> format() {
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".jsonl")) {
            return Optional.of(DatasetFormat.JSON_LINES);
        }
        if (lower.endsWith(".csv")) {
            return Optional.of(DatasetFormat.CSV);
        }
        return Optional.empty();
    }

    /** @return where the dataset was looked for, as a user would look for it: a path on disk, else the URI */
    String tried() {
        if ("file".equals(uri.getScheme())) {
            try {
                return Path.of(uri).toString();
            } catch (IllegalArgumentException e) {
                return uri.toString();
            }
        }
        return uri.toString();
    }

    /** @return the dataset's text, decoded as UTF-8 (malformed input is an error, not replaced) */
    Reader open() throws IOException {
        InputStream in;
        if ("file".equals(uri.getScheme())) {
            in = Files.newInputStream(Path.of(uri));
        } else {
            URLConnection connection = uri.toURL().openConnection();
            // A cached connection keeps the jar open (and locked on Windows) after the read.
            connection.setUseCaches(false);
            in = connection.getInputStream();
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
    }
}
