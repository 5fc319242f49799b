package dev.evalunit.junit.engine;

import dev.evalunit.task.TaskDocuments;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClasspathResourceSelector;
import org.junit.platform.engine.discovery.DirectorySelector;
import org.junit.platform.engine.discovery.FileSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.descriptor.ClasspathResourceSource;
import org.junit.platform.engine.support.descriptor.DirectorySource;
import org.junit.platform.engine.support.descriptor.FileSource;
import org.junit.platform.engine.support.discovery.SelectorResolver;

import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Resolves task files selected without a suite class: a classpath resource ({@code [classpath:sre]}),
 * a file or a directory ({@code [path:/abs/dir]}). Their model comes from configuration.
 */
final class SuiteResourceResolver implements SelectorResolver {

    private final DiscoveryPlan plan;

    SuiteResourceResolver(DiscoveryPlan plan) {
        this.plan = plan;
    }

    @Override
    public Resolution resolve(ClasspathResourceSelector selector, Context context) {
        String resource = strip(selector.getClasspathResourceName());
        if (!isTaskLocation(resource)) {
            return Resolution.unresolved();
        }
        return classpathSuite(resource, context);
    }

    @Override
    public Resolution resolve(DirectorySelector selector, Context context) {
        return pathSuite(selector.getPath(), context);
    }

    @Override
    public Resolution resolve(FileSelector selector, Context context) {
        if (!isTaskFile(selector.getRawPath())) {
            return Resolution.unresolved();
        }
        return pathSuite(selector.getPath(), context);
    }

    @Override
    public Resolution resolve(UniqueIdSelector selector, Context context) {
        UniqueId.Segment last = selector.getUniqueId().getLastSegment();
        if (last.getType().equals(Segments.CLASSPATH)) {
            return classpathSuite(last.getValue(), context);
        }
        if (last.getType().equals(Segments.PATH)) {
            return pathSuite(Path.of(last.getValue()), context);
        }
        return Resolution.unresolved();
    }

    private Resolution classpathSuite(String resource, Context context) {
        TestSource source = ClasspathResourceSource.from(resource);
        return suite(context, Segments.CLASSPATH, resource, source, new SuiteLocation(
                "classpath location \"" + resource + "\"",
                () -> TaskDocuments.onClasspath(Thread.currentThread().getContextClassLoader(), resource)));
    }

    private Resolution pathSuite(Path path, Context context) {
        Path absolute = path.toAbsolutePath().normalize();
        File file = absolute.toFile();
        TestSource source = file.isDirectory() ? DirectorySource.from(file) : FileSource.from(file);
        return suite(context, Segments.PATH, absolute.toString(), source, new SuiteLocation(
                absolute.toString(),
                () -> file.isDirectory() ? TaskDocuments.inDirectory(absolute) : TaskDocuments.ofFile(absolute)));
    }

    private Resolution suite(Context context, String segment, String value, TestSource source,
            SuiteLocation location) {
        Optional<SuiteDescriptor> suite = context.addToParent(parent -> Optional.of(SuiteDescriptor.create(
                parent.getUniqueId().append(segment, value), value, source, Optional.empty(), value, location, plan)));
        return suite.map(found -> Resolution.match(Match.exact(found, found::childSelectors)))
                .orElse(Resolution.unresolved());
    }

    /** A task file or a directory (whatever its name); other resources belong to other engines. */
    private static boolean isTaskLocation(String resource) {
        if (isTaskFile(resource) || isDirectory(resource)) {
            return true;
        }
        // A missing location without an extension was meant as a suite directory: report it as such.
        String name = resource.substring(resource.lastIndexOf('/') + 1);
        return !name.contains(".") && Thread.currentThread().getContextClassLoader().getResource(resource) == null;
    }

    private static boolean isDirectory(String resource) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        java.net.URL url = loader.getResource(resource);
        if (url == null) {
            return false;
        }
        if ("file".equals(url.getProtocol())) {
            try {
                return java.nio.file.Files.isDirectory(Path.of(url.toURI()));
            } catch (java.net.URISyntaxException | IllegalArgumentException e) {
                return false;
            }
        }
        // In a jar, a directory has an entry whose name ends with a slash.
        return loader.getResource(resource + "/") != null;
    }

    private static boolean isTaskFile(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".yaml") || lower.endsWith(".yml");
    }

    private static String strip(String resource) {
        String stripped = resource.startsWith("/") ? resource.substring(1) : resource;
        return stripped.endsWith("/") ? stripped.substring(0, stripped.length() - 1) : stripped;
    }
}
