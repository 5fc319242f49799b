package dev.evalunit.code;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import java.io.File;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The compiler's side of {@link JavaCompilation}: a program run inside the trial's sandbox, in a
 * JVM of its own, so that a compile that never ends or crashes can be stopped and bounded like any
 * process. Arguments: the class output folder, the class path, then the source files, all relative
 * to the working directory (the workspace) or absolute as the sandbox shows them. It prints one
 * line per reported problem and exits 0 (compiled), 1 (compile errors) or 3 (the compiler crashed).
 *
 * <p>Uses only the JDK and declares no nested class: it runs with only its own class file on the
 * class path.
 */
final class SandboxedCompiler {

    static final String ERROR = "ERROR ";
    static final String MORE = "MORE ";
    static final String CRASH = "CRASH ";
    static final int COMPILE_ERRORS = 1;
    static final int CRASHED = 3;

    private SandboxedCompiler() {
    }

    public static void main(String[] args) {
        System.exit(compile(args));
    }

    private static int compile(String[] args) {
        try {
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            if (compiler == null) {
                System.out.println(CRASH + "the JDK at " + System.getProperty("java.home") + " has no compiler");
                return CRASHED;
            }
            Path workspace = Path.of("").toAbsolutePath();
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            StringWriter other = new StringWriter();
            List<Path> classpath = new ArrayList<>();
            for (String entry : args[1].split(File.pathSeparator)) {
                classpath.add(Path.of(entry));
            }
            List<Path> sources = new ArrayList<>();
            for (String source : Arrays.asList(args).subList(2, args.length)) {
                sources.add(workspace.resolve(source));
            }
            try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT,
                    StandardCharsets.UTF_8)) {
                Path classes = Files.createDirectories(Path.of(args[0]));
                files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classes));
                files.setLocationFromPaths(StandardLocation.CLASS_PATH, classpath);
                files.setLocationFromPaths(StandardLocation.SOURCE_PATH, List.of());
                List<String> options = List.of("--release", String.valueOf(Runtime.version().feature()),
                        "-proc:none", "-implicit:none", "-encoding", "UTF-8", "-g", "-nowarn", "-Xlint:none",
                        "-Xmaxerrs", "20");
                Boolean compiled = compiler.getTask(other, files, diagnostics, options, null,
                        files.getJavaFileObjectsFromPaths(sources)).call();
                if (Boolean.TRUE.equals(compiled)) {
                    return 0;
                }
            }
            int errors = 0;
            for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
                if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
                    errors++;
                    if (errors <= JavaCompilation.ERRORS_QUOTED) {
                        System.out.println(ERROR + where(workspace, diagnostic)
                                + oneLine(diagnostic.getMessage(Locale.ROOT)));
                    }
                }
            }
            if (errors > JavaCompilation.ERRORS_QUOTED) {
                System.out.println(MORE + (errors - JavaCompilation.ERRORS_QUOTED));
            }
            if (errors == 0 && other.toString().contains("An exception has occurred in the compiler")) {
                // javac catches its own crash and prints a bug report with the whole stack: keep a line.
                System.out.println(CRASH + crashLine(other.toString()));
                return CRASHED;
            }
            if (errors == 0) {
                String text = other.toString();
                System.out.println(ERROR + (text.isBlank() ? "the compiler failed without a message"
                        : oneLine(text.length() > 2000 ? text.substring(0, 2000) : text)));
            }
            return COMPILE_ERRORS;
        } catch (Throwable crash) {
            // javac's own failures (a StackOverflowError on deeply nested code, an OutOfMemoryError):
            // a few lines, never its whole stack.
            Throwable root = crash;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            StringBuilder summary = new StringBuilder(CRASH).append(root.getClass().getName());
            if (root.getMessage() != null) {
                summary.append(": ").append(oneLine(root.getMessage().length() > 300
                        ? root.getMessage().substring(0, 300) : root.getMessage()));
            }
            StackTraceElement[] stack = root.getStackTrace();
            for (int i = 0; i < Math.min(3, stack.length); i++) {
                summary.append(i == 0 ? " at " : " < ").append(stack[i]);
            }
            System.out.println(summary);
            return CRASHED;
        }
    }

    /** @return the exception's line of javac's bug report and the first frames after it */
    private static String crashLine(String report) {
        String[] lines = report.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.matches("[a-z][\\w.$]*\\.[A-Z]\\w*(Error|Exception)\\b.*")) {
                StringBuilder summary = new StringBuilder(line.length() > 300 ? line.substring(0, 300) : line);
                for (int j = i + 1, frames = 0; j < lines.length && frames < 3; j++) {
                    if (lines[j].strip().startsWith("at ")) {
                        summary.append(frames++ == 0 ? " " : " < ").append(lines[j].strip());
                    }
                }
                return summary.toString();
            }
        }
        return "javac reported an internal error without naming it";
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
