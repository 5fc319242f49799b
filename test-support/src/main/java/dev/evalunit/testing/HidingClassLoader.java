package dev.evalunit.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * The tests' class path in a loader of its own that refuses some packages, as a consumer's build
 * without an optional dependency would: classes and resources under a hidden prefix are not found,
 * and every class asked for under one is recorded. Everything else is loaded again by this loader
 * (only the JDK is shared), so a class refused here cannot be reached through another loader.
 */
public final class HidingClassLoader extends URLClassLoader {

    static {
        ClassLoader.registerAsParallelCapable();
    }

    private final List<String> hiddenPrefixes;
    private final Set<String> refused = new ConcurrentSkipListSet<>();

    /**
     * @param hiddenPrefixes package prefixes to refuse, e.g. {@code com.google.protobuf.}; never empty
     */
    public HidingClassLoader(List<String> hiddenPrefixes) {
        super("hiding", classPath(), ClassLoader.getPlatformClassLoader());
        if (hiddenPrefixes.isEmpty()) {
            throw new IllegalArgumentException("nothing to hide");
        }
        this.hiddenPrefixes = List.copyOf(hiddenPrefixes);
    }

    private static URL[] classPath() {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                try {
                    urls.add(new File(entry).toURI().toURL());
                } catch (MalformedURLException e) {
                    throw new IllegalStateException("class path entry " + entry + ": " + e.getMessage(), e);
                }
            }
        }
        return urls.toArray(URL[]::new);
    }

    /** @return the classes under a hidden prefix that something asked this loader for, sorted */
    public List<String> refused() {
        return List.copyOf(refused);
    }

    private boolean hidden(String className) {
        return hiddenPrefixes.stream().anyMatch(className::startsWith);
    }

    private boolean hiddenResource(String name) {
        return hidden(name.replace('/', '.'));
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        Objects.requireNonNull(name, "name");
        if (hidden(name)) {
            refused.add(name);
            throw new ClassNotFoundException(name + " (hidden by the test)");
        }
        return super.loadClass(name, resolve);
    }

    @Override
    public URL getResource(String name) {
        return hiddenResource(name) ? null : super.getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        return hiddenResource(name) ? Collections.emptyEnumeration() : super.getResources(name);
    }

    @Override
    public void close() {
        try {
            super.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
