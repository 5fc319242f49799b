package dev.evalunit.junit.engine;

import java.util.ServiceLoader;

/**
 * Keeps the warnings of libraries a suite does not use out of its build log. LangChain4j logs
 * through SLF4J; with no SLF4J provider on the test classpath its log goes nowhere anyway, yet SLF4J
 * prints three lines of "No SLF4J providers were found" into every build. When the user has no
 * provider and has not set SLF4J's own {@code slf4j.internal.verbosity}, that notice is turned off;
 * a user with a provider, or with the property set, is left alone.
 */
final class QuietLibraries {

    static final String SLF4J_VERBOSITY = "slf4j.internal.verbosity";

    private QuietLibraries() {
    }

    static void apply() {
        if (System.getProperty(SLF4J_VERBOSITY) != null) {
            return;
        }
        try {
            Class<?> provider = Class.forName("org.slf4j.spi.SLF4JServiceProvider", false,
                    QuietLibraries.class.getClassLoader());
            if (ServiceLoader.load(provider, QuietLibraries.class.getClassLoader()).findFirst().isEmpty()) {
                System.setProperty(SLF4J_VERBOSITY, "ERROR");
            }
        } catch (ClassNotFoundException | LinkageError | java.util.ServiceConfigurationError e) {
            // No SLF4J 2 on the classpath: nothing will print the notice.
        }
    }
}
