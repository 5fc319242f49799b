package dev.evalunit.code;

import java.io.File;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The jars a task's {@code run.libraries} name by Maven coordinates ({@code groupId:artifactId}),
 * found where the tests' class path already has them: nothing is downloaded during a run, and
 * the consumer's build (a test-scoped dependency) decides the version.
 */
final class TaskLibraries {

    static final Pattern COORDINATES = Pattern.compile("[A-Za-z0-9_.-]+:[A-Za-z0-9_.-]+");

    private TaskLibraries() {
    }

    /**
     * @param coordinates {@code groupId:artifactId}
     * @return the jar (or class folder) on this JVM's class path that holds the artifact; empty when none does
     */
    static Optional<Path> find(String coordinates) {
        String[] parts = coordinates.split(":");
        String group = parts[0];
        String artifact = parts[1];
        // A jar Maven built says what it is; that finds it on any class path, Surefire's manifest jar included.
        URL descriptor = TaskLibraries.class.getClassLoader()
                .getResource("META-INF/maven/" + group + "/" + artifact + "/pom.properties");
        if (descriptor != null && "jar".equals(descriptor.getProtocol())) {
            try {
                return Optional.of(Path.of(((JarURLConnection) descriptor.openConnection()).getJarFileURL().toURI()));
            } catch (java.io.IOException | URISyntaxException | IllegalArgumentException e) {
                // fall through to the class path's own entries
            }
        }
        // Else by the repository layout: .../group/as/folders/artifact/version/artifact-version.jar (Maven),
        // .../group/artifact/version/hash/artifact-version.jar (Gradle).
        String mavenFolder = File.separator + group.replace('.', File.separatorChar) + File.separator + artifact
                + File.separator;
        String gradleFolder = File.separator + group + File.separator + artifact + File.separator;
        return Arrays.stream(System.getProperty("java.class.path", "").split(Pattern.quote(File.pathSeparator)))
                .filter(entry -> entry.endsWith(".jar"))
                .filter(entry -> entry.contains(mavenFolder) || entry.contains(gradleFolder))
                .filter(entry -> Path.of(entry).getFileName().toString().startsWith(artifact + "-"))
                .map(Path::of)
                .findFirst();
    }
}
