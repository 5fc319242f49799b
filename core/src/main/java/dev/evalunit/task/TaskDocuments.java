package dev.evalunit.task;

import org.apiguardian.api.API;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * Finds task files ({@code *.yaml} and {@code *.yml}) on the classpath and on disk, as
 * {@link TaskDocument}s sorted by path, so every run sees them in the same order. A folder's
 * {@code _defaults.yaml} is not a task file: it is attached to every task file in its folder and
 * below ({@link TaskDocument#defaults()}), in the same directory or jar. Datasets ({@code .jsonl},
 * {@code .csv}) are read only when a task file names them.
 *
 * @since 0.1.0
 */
@API(status = INTERNAL, since = "0.1.0")
public final class TaskDocuments {

    private static final String DEFAULTS = TaskFileLoader.DEFAULTS_FILE_NAME;

    private static final Comparator<TaskDocument> BY_PATH =
            Comparator.comparing(TaskDocument::path).thenComparing(document -> document.uri().toString());

    private TaskDocuments() {
    }

    /**
     * Finds the task files at a classpath location, in every classpath root that has it:
     * directories and jar files.
     *
     * @param loader the class loader to search; never {@code null}
     * @param location a classpath directory, searched recursively, such as {@code sre}, or one file,
     *        such as {@code sre/tools/oom.yaml}; never {@code null}
     * @return the task files, sorted by path; {@link TaskDocument#path()} is the classpath path,
     *         such as {@code sre/tools/oom.yaml}, and {@link TaskDocument#defaultId()} the path under
     *         the location without extension, such as {@code tools/oom} (the file name without
     *         extension when the location is a file)
     * @throws IllegalArgumentException when no classpath root has the location, or a root is
     *         neither a directory nor a jar file
     * @throws UncheckedIOException when a directory or jar cannot be read
     */
    public static List<TaskDocument> onClasspath(ClassLoader loader, String location) {
        Objects.requireNonNull(loader, "loader");
        String name = trimSlashes(Objects.requireNonNull(location, "location"));
        if (name.isEmpty()) {
            throw new IllegalArgumentException("classpath location \"" + location + "\" names no directory or file;"
                    + " name one under a classpath root, such as sre or sre/tools/oom.yaml");
        }
        Map<String, TaskDocument> byUri = new LinkedHashMap<>();
        try {
            Enumeration<URL> roots = loader.getResources(name);
            if (!roots.hasMoreElements()) {
                throw new IllegalArgumentException("classpath location \"" + name + "\" not found; check that it is"
                        + " spelt right and that the directory or file is under src/test/resources (or another"
                        + " classpath root) of the module that runs the suite");
            }
            for (URL url : Collections.list(roots)) {
                for (TaskDocument document : atUrl(url, name)) {
                    byUri.putIfAbsent(document.uri().toString(), document);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot scan classpath location \"" + name + "\": " + e.getMessage(), e);
        }
        return sorted(new ArrayList<>(byUri.values()));
    }

    /**
     * Finds the task files in a directory and its subdirectories.
     *
     * @param directory never {@code null}; a file is read as by {@link #ofFile(Path)}
     * @return the task files, sorted by path; {@link TaskDocument#path()} is relative to the working
     *         directory when the file is under it, and {@link TaskDocument#defaultId()} the path under
     *         {@code directory} without extension
     * @throws IllegalArgumentException when {@code directory} does not exist
     * @throws UncheckedIOException when the directory cannot be read
     */
    public static List<TaskDocument> inDirectory(Path directory) {
        Objects.requireNonNull(directory, "directory");
        if (!Files.exists(directory)) {
            throw new IllegalArgumentException("directory \"" + directory + "\" not found; check the path (a relative"
                    + " path starts at the working directory " + workingDirectory() + ")");
        }
        if (!Files.isDirectory(directory)) {
            return ofFile(directory);
        }
        try {
            Scan scan = walk(directory);
            return sorted(scan.tasks().stream()
                    .map(file -> new TaskDocument(file.toAbsolutePath().normalize().toUri(), shown(file),
                            withoutExtension(relative(directory, file)),
                            scan.chain(directory, file, TaskDocuments::onDisk)))
                    .collect(Collectors.toList()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot scan directory \"" + directory + "\": " + e.getMessage(), e);
        }
    }

    /**
     * @param file a task file; never {@code null}. It is taken as given, whatever its extension.
     * @return the file; {@link TaskDocument#path()} is relative to the working directory when the
     *         file is under it, and {@link TaskDocument#defaultId()} the file name without extension
     * @throws IllegalArgumentException when {@code file} does not exist or is not a file
     */
    public static List<TaskDocument> ofFile(Path file) {
        Objects.requireNonNull(file, "file");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("task file \"" + file + "\" not found; check the path (a relative"
                    + " path starts at the working directory " + workingDirectory() + ")");
        }
        refuseDefaults(file, file.toString());
        return List.of(new TaskDocument(file.toAbsolutePath().normalize().toUri(), shown(file),
                withoutExtension(file.getFileName().toString()), siblingDefaults(file).map(TaskDocuments::onDisk)
                .map(List::of).orElse(List.of())));
    }

    private static List<TaskDocument> atUrl(URL url, String location) throws IOException {
        switch (url.getProtocol()) {
            case "file":
                return inRoot(toPath(url), location);
            case "jar":
                return inJar(url, location);
            default:
                throw new IllegalArgumentException("cannot scan classpath location \"" + location + "\" at " + url
                        + ": EvalUnit reads task files from directories and jar files only; put the tasks in one");
        }
    }

    private static List<TaskDocument> inJar(URL url, String location) throws IOException {
        URL jarFile = ((JarURLConnection) url.openConnection()).getJarFileURL();
        if (!"file".equals(jarFile.getProtocol())) {
            throw new IllegalArgumentException("cannot scan classpath location \"" + location + "\" at " + url
                    + ": EvalUnit reads task files from jar files on disk, not from jars nested in other archives");
        }
        // A file system of its own, never registered with the provider: no clash with a jar file
        // system someone else has open, and closing it here closes nobody else's.
        try (FileSystem jar = FileSystems.newFileSystem(toPath(jarFile))) {
            return inRoot(jar.getPath(location), location);
        }
    }

    /** @param resource the location's directory or file inside a classpath root */
    private static List<TaskDocument> inRoot(Path resource, String location) throws IOException {
        if (!Files.isDirectory(resource)) {
            refuseDefaults(resource, location);
            String folder = location.contains("/") ? location.substring(0, location.lastIndexOf('/') + 1) : "";
            return List.of(new TaskDocument(resource.toUri(), location,
                    withoutExtension(resource.getFileName().toString()), siblingDefaults(resource)
                    .map(defaults -> defaults(defaults.toUri(), folder + DEFAULTS)).map(List::of).orElse(List.of())));
        }
        List<TaskDocument> documents = new ArrayList<>();
        Scan scan = walk(resource);
        for (Path file : scan.tasks()) {
            String relative = relative(resource, file);
            documents.add(new TaskDocument(file.toUri(), location + "/" + relative, withoutExtension(relative),
                    scan.chain(resource, file, defaults -> defaults(defaults.toUri(),
                            location + "/" + relative(resource, defaults)))));
        }
        return documents;
    }

    /** The task files under a folder, and the defaults files of its folders by folder. */
    private record Scan(List<Path> tasks, Map<Path, Path> defaultsByFolder) {

        /** @return the defaults that apply to {@code file}: those of {@code root} and of each folder down to the file's */
        List<TaskDocument> chain(Path root, Path file, Function<Path, TaskDocument> document) {
            List<TaskDocument> chain = new ArrayList<>();
            for (Path folder = file.getParent(); folder != null && folder.startsWith(root); folder = folder.getParent()) {
                Path defaults = defaultsByFolder.get(folder);
                if (defaults != null) {
                    chain.add(0, document.apply(defaults));
                }
                if (folder.equals(root)) {
                    break;
                }
            }
            return chain;
        }
    }

    private static Scan walk(Path directory) throws IOException {
        List<Path> tasks = new ArrayList<>();
        Map<Path, Path> defaults = new HashMap<>();
        try (Stream<Path> files = Files.walk(directory)) {
            files.filter(Files::isRegularFile).forEach(file -> {
                String name = file.getFileName().toString();
                if (name.equals(DEFAULTS)) {
                    defaults.put(file.getParent(), file);
                } else if (isTaskFileName(name)) {
                    tasks.add(file);
                }
            });
        }
        return new Scan(tasks, defaults);
    }

    private static Optional<Path> siblingDefaults(Path file) {
        Path defaults = file.resolveSibling(DEFAULTS);
        return Files.isRegularFile(defaults) ? Optional.of(defaults) : Optional.empty();
    }

    private static TaskDocument onDisk(Path defaults) {
        return defaults(defaults.toAbsolutePath().normalize().toUri(), shown(defaults));
    }

    private static TaskDocument defaults(URI uri, String path) {
        return new TaskDocument(uri, path, DEFAULTS);
    }

    /** Selected on its own, a defaults file would run nothing: say what to select instead. */
    private static void refuseDefaults(Path file, String shown) {
        if (file.getFileName() != null && file.getFileName().toString().equals(DEFAULTS)) {
            throw new IllegalArgumentException("\"" + shown + "\" holds folder defaults, not tasks; select its folder"
                    + " to run the tasks it applies to");
        }
    }

    private static boolean isTaskFileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".yaml") || lower.endsWith(".yml");
    }

    private static String withoutExtension(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        int dot = path.lastIndexOf('.');
        return dot > 0 && (lower.endsWith(".yaml") || lower.endsWith(".yml")) ? path.substring(0, dot) : path;
    }

    /** @return {@code file} under {@code directory}, with {@code /} whatever the file system's separator */
    private static String relative(Path directory, Path file) {
        List<String> names = new ArrayList<>();
        directory.relativize(file).forEach(part -> names.add(part.toString()));
        return String.join("/", names);
    }

    /** @return the path relative to the working directory when the file is under it, else absolute */
    private static String shown(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path workingDirectory = workingDirectory();
        Path shown = absolute.startsWith(workingDirectory) ? workingDirectory.relativize(absolute) : absolute;
        return shown.toString().replace(shown.getFileSystem().getSeparator(), "/");
    }

    private static Path workingDirectory() {
        return Path.of("").toAbsolutePath();
    }

    private static Path toPath(URL url) {
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot read classpath root " + url + " as a path: " + e.getMessage()
                    + "; check the classpath for unusual characters in directory names", e);
        }
    }

    private static String trimSlashes(String location) {
        int start = 0;
        int end = location.length();
        while (start < end && location.charAt(start) == '/') {
            start++;
        }
        while (end > start && location.charAt(end - 1) == '/') {
            end--;
        }
        return location.substring(start, end);
    }

    private static List<TaskDocument> sorted(List<TaskDocument> documents) {
        documents.sort(BY_PATH);
        return List.copyOf(documents);
    }
}
