package dev.evalunit.junit.engine;

import dev.evalunit.config.Constants;
import dev.evalunit.config.Settings;

import java.util.Optional;

/**
 * What tells this build from another in a report directory. Every engine execution of one Maven
 * build (Surefire forks, several Surefire executions, Failsafe) runs in a JVM that descends from
 * the same Maven process, so that process, by pid and start time, names the build; a second
 * {@code mvn test} is a new process and so a new build. Outside Maven (an IDE, the console
 * launcher) the JVM itself is the build.
 */
final class BuildIdentity {

    /** The class the {@code mvn} script starts; its command line names Maven's JVM. */
    private static final String MAVEN_LAUNCHER = "org.codehaus.plexus.classworlds.launcher.Launcher";

    private BuildIdentity() {
    }

    static String of(Settings settings) {
        Optional<String> configured = settings.get(Constants.BUILD_ID_PROPERTY_NAME).map(String::strip)
                .filter(id -> !id.isEmpty());
        if (configured.isPresent()) {
            return configured.get();
        }
        Optional<ProcessHandle> process = Optional.of(ProcessHandle.current());
        while (process.isPresent()) {
            ProcessHandle handle = process.get();
            if (handle.info().commandLine().orElse("").contains(MAVEN_LAUNCHER)) {
                return "maven:" + name(handle);
            }
            process = handle.parent();
        }
        return "jvm:" + name(ProcessHandle.current());
    }

    private static String name(ProcessHandle process) {
        return process.pid() + "@" + process.info().startInstant().map(Object::toString).orElse("?");
    }
}
