package dev.evalunit.code;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Compiles a workspace's Java sources with the JDK's compiler, in the engine's JVM: no process to
 * start, no build tool. Annotation processing is off and every source is compiled for the release
 * of the JDK that runs the program.
 */
final class JavaCompilation {

    /** How many compiler errors a failure message quotes. */
    static final int ERRORS_QUOTED = 5;

    private JavaCompilation() {
    }

    /**
     * @param workspace the folder the sources are in, for paths in messages
     * @param sources the {@code .java} files to compile
     * @param classpath jars and folders they compile against
     * @param classes where the class files go; created
     * @throws TrialFailure when the sources do not compile: the compiler's first errors
     * @throws IllegalStateException when the engine runs on a JRE without a compiler
     */
    static void compile(Path workspace, List<Path> sources, List<Path> classpath, Path classes) throws TrialFailure {
        if (sources.isEmpty()) {
            throw new TrialFailure("compile error: the workspace holds no .java file to compile");
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("code tasks compile Java in the engine's JVM, which runs on a JRE without"
                    + " a compiler (" + System.getProperty("java.home") + "); run the tests on a JDK");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        StringWriter otherOutput = new StringWriter();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            java.nio.file.Files.createDirectories(classes);
            files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classes));
            files.setLocationFromPaths(StandardLocation.CLASS_PATH, classpath);
            files.setLocationFromPaths(StandardLocation.SOURCE_PATH, List.of());
            List<String> options = List.of("--release", String.valueOf(Runtime.version().feature()),
                    "-proc:none", "-implicit:none", "-encoding", "UTF-8", "-g", "-nowarn", "-Xlint:none",
                    "-Xmaxerrs", "20");
            Boolean compiled = compiler.getTask(otherOutput, files, diagnostics, options, null,
                    files.getJavaFileObjectsFromPaths(sources)).call();
            if (!Boolean.TRUE.equals(compiled)) {
                throw new TrialFailure("compile error: " + errors(workspace, diagnostics, otherOutput.toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compile in " + workspace + ": " + e.getMessage(), e);
        }
    }

    private static String errors(Path workspace, DiagnosticCollector<JavaFileObject> diagnostics, String other) {
        List<Diagnostic<? extends JavaFileObject>> errors = diagnostics.getDiagnostics().stream()
                .filter(diagnostic -> diagnostic.getKind() == Diagnostic.Kind.ERROR).toList();
        if (errors.isEmpty()) {
            return other.isBlank() ? "the compiler failed without a message" : oneLine(other);
        }
        String quoted = errors.stream().limit(ERRORS_QUOTED)
                .map(error -> where(workspace, error) + oneLine(error.getMessage(Locale.ROOT)))
                .collect(Collectors.joining("; "));
        return quoted + (errors.size() > ERRORS_QUOTED ? " (and " + (errors.size() - ERRORS_QUOTED)
                + " more errors)" : "");
    }

    private static String where(Path workspace, Diagnostic<? extends JavaFileObject> error) {
        if (error.getSource() == null) {
            return "";
        }
        String file;
        try {
            Path path = Path.of(error.getSource().toUri());
            file = path.startsWith(workspace) ? workspace.relativize(path).toString().replace('\\', '/')
                    : path.getFileName().toString();
        } catch (IllegalArgumentException e) {
            file = error.getSource().getName();
        }
        return file + ":" + error.getLineNumber() + ":" + error.getColumnNumber() + ": ";
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\n\\s*", " / ");
    }
}
