package dev.evalunit.code;

import dev.evalunit.sandbox.Sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Compiles a workspace's Java sources with the JDK's compiler, inside the trial's sandbox, in a
 * JVM of its own ({@link SandboxedCompiler}): a compile that never ends is stopped at the run's
 * deadline, one that crashes is summarised in a line, and the compiler sees only what the
 * program will. Annotation processing is off and every source is compiled for the release of the
 * JDK that runs the program.
 */
final class JavaCompilation {

    /** How many compiler errors a failure message quotes. */
    static final int ERRORS_QUOTED = 5;

    /** The most a compiler's report is read; its lines are few and short. */
    private static final int MAX_REPORT_BYTES = 64 * 1024;

    private static final List<String> COMPILER_JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-Xshare:auto", "-XX:-UsePerfData", "-Xmx512m", "-XX:CompressedClassSpaceSize=64m",
            "-XX:ReservedCodeCacheSize=64m");

    /** What code can make javac throw: too deep for its stack, too big for its heap. */
    private static final java.util.regex.Pattern ANSWERS_CRASHES = java.util.regex.Pattern.compile(
            "java\\.lang\\.(StackOverflowError|OutOfMemoryError)");

    private JavaCompilation() {
    }

    /**
     * @param sandbox the trial's sandbox, whose workspace holds the sources
     * @param sources the {@code .java} files to compile, relative to the workspace
     * @param classpath jars and folders they compile against, as the sandbox shows them
     * @param classes where the class files go, as the sandbox shows it; created
     * @param tools the folder of {@link SandboxedCompiler}'s class file, as the sandbox shows it
     * @throws TrialFailure when the sources do not compile (the compiler's first errors), the
     *         compiler crashed (a line on why) or did not finish before the deadline
     */
    static void compile(Sandbox sandbox, List<String> sources, List<String> classpath, String classes, String tools,
                        RunDeadline until) throws TrialFailure, IOException, InterruptedException {
        if (sources.isEmpty()) {
            throw new TrialFailure("compile error: the workspace holds no .java file to compile");
        }
        List<String> command = new ArrayList<>();
        command.add(sandbox.readOnly(Path.of(System.getProperty("java.home"), "bin", "java")));
        command.addAll(COMPILER_JVM_OPTIONS);
        command.addAll(List.of("-cp", tools, SandboxedCompiler.class.getName(), classes,
                String.join(java.io.File.pathSeparator, classpath)));
        command.addAll(sources);
        Process compiler = sandbox.execOffline(command, Map.of("MALLOC_ARENA_MAX", "2", "LANG", "C.UTF-8"));
        StringBuilder report = new StringBuilder();
        Thread reader = new Thread(() -> read(compiler.getInputStream(), report), "evalunit-compiler-output");
        reader.setDaemon(true);
        reader.start();
        if (!compiler.waitFor(until.left().toNanos(), TimeUnit.NANOSECONDS)) {
            compiler.destroyForcibly();
            throw new TrialFailure("compiling took longer than " + until.shown()
                    + " (the compiler was stopped; code that keeps javac this busy, such as deeply nested generic"
                    + " expressions, is the answer's)");
        }
        reader.join(5_000);
        String text;
        synchronized (report) {
            text = report.toString();
        }
        int exit = compiler.exitValue();
        if (exit == 0) {
            return;
        }
        List<String> errors = new ArrayList<>();
        String more = "";
        String crash = null;
        for (String line : text.split("\n")) {
            if (line.startsWith(SandboxedCompiler.ERROR)) {
                errors.add(line.substring(SandboxedCompiler.ERROR.length()));
            } else if (line.startsWith(SandboxedCompiler.MORE)) {
                more = " (and " + line.substring(SandboxedCompiler.MORE.length()).strip() + " more errors)";
            } else if (line.startsWith(SandboxedCompiler.CRASH)) {
                crash = line.substring(SandboxedCompiler.CRASH.length());
            }
        }
        if (exit == SandboxedCompiler.COMPILE_ERRORS && !errors.isEmpty()) {
            throw new TrialFailure("compile error: " + String.join("; ", errors) + more);
        }
        if (crash != null && ANSWERS_CRASHES.matcher(crash).lookingAt()) {
            throw new TrialFailure("the compiler crashed on the answer: " + Excerpts.cut(crash, 600));
        }
        if (crash != null) {
            throw new IllegalStateException("the compiler failed in the sandbox, not because of the answer: "
                    + Excerpts.cut(crash, 600));
        }
        throw new TrialFailure("the compiler stopped with exit code " + exit + " (killed by a limit of the sandbox:"
                + " memory, processes or CPU time); it printed " + Excerpts.quote(text, 400));
    }

    private static void read(InputStream in, StringBuilder report) {
        byte[] buffer = new byte[8192];
        int total = 0;
        try (in) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                int kept = Math.max(0, Math.min(n, MAX_REPORT_BYTES - total));
                total += kept;
                synchronized (report) {
                    report.append(new String(buffer, 0, kept, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            // Killed: what was read is what it reported.
        }
    }
}
