package dev.evalunit.code;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A folder next to a task file (a workspace, a reference solution), read whole at load time: on
 * disk or inside a jar, so a suite packaged in a test jar works as one in a directory.
 */
final class TaskFolder {

    static final int MAX_FILES = 200;
    static final long MAX_BYTES = 2_000_000;

    private TaskFolder() {
    }

    /** A folder that cannot be used; the message says why, without the position. */
    static final class Problem extends Exception {
        private static final long serialVersionUID = 1L;

        Problem(String message) {
            super(message);
        }
    }

    /**
     * @param taskFile the task file's URI ({@code file:} or {@code jar:file:...!/...})
     * @param folder relative to the task file's folder, {@code /} between names
     * @return every regular file in the folder and below, relative path to text, sorted by path
     */
    static Map<String, String> read(URI taskFile, String folder) throws Problem {
        if (folder.startsWith("/") || folder.contains("\\") || folder.matches("^[A-Za-z]:.*")) {
            throw new Problem("\"" + folder + "\" must be a folder relative to the task file, with / between names");
        }
        try {
            if ("file".equals(taskFile.getScheme())) {
                return read(Path.of(taskFile).getParent().resolve(folder).normalize(), folder);
            }
            if ("jar".equals(taskFile.getScheme())) {
                String text = taskFile.toString();
                int separator = text.indexOf("!/");
                Path jar = Path.of(URI.create(text.substring("jar:".length(), separator)));
                try (FileSystem files = FileSystems.newFileSystem(jar)) {
                    Path entry = files.getPath(text.substring(separator + 1));
                    return read(entry.getParent().resolve(folder).normalize(), folder);
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new Problem("cannot read folder \"" + folder + "\": " + e.getMessage());
        }
        throw new Problem("cannot read folder \"" + folder + "\" next to " + taskFile
                + ": code tasks read their folders from directories and jar files only");
    }

    private static Map<String, String> read(Path directory, String folder) throws IOException, Problem {
        if (!Files.isDirectory(directory)) {
            throw new Problem("folder \"" + folder + "\" not found next to the task file; create it, or correct the"
                    + " path (relative to the task file's folder)");
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(directory)) {
            walk.filter(Files::isRegularFile).forEach(files::add);
        }
        if (files.isEmpty()) {
            throw new Problem("folder \"" + folder + "\" holds no files");
        }
        if (files.size() > MAX_FILES) {
            throw new Problem("folder \"" + folder + "\" holds more than " + MAX_FILES + " files; keep a workspace small");
        }
        Map<String, String> contents = new TreeMap<>();
        long bytes = 0;
        for (Path file : files) {
            List<String> names = new ArrayList<>();
            directory.relativize(file).forEach(name -> names.add(name.toString()));
            String path = String.join("/", names);
            String lower = path.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
                throw new Problem("folder \"" + folder + "\" holds " + path + ": a suite loads every .yaml and .yml"
                        + " file under it as a task file, so a workspace cannot hold one; rename it");
            }
            String problem = WorkspacePath.problem(path).orElse(null);
            if (problem != null) {
                throw new Problem("file " + path + " in folder \"" + folder + "\" " + problem
                        + "; rename it, since answers name files by these paths");
            }
            byte[] content = Files.readAllBytes(file);
            bytes += content.length;
            if (bytes > MAX_BYTES) {
                throw new Problem("folder \"" + folder + "\" holds more than " + MAX_BYTES + " bytes; keep a workspace"
                        + " small, since the model reads all of it");
            }
            try {
                contents.put(path, StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(content)).toString());
            } catch (CharacterCodingException e) {
                throw new Problem("file " + path + " in folder \"" + folder + "\" is not UTF-8 text; a workspace"
                        + " holds text files only");
            }
        }
        return contents;
    }
}
