package dev.evalunit.junit.engine;

import dev.evalunit.config.Constants;
import dev.evalunit.junit.EvalSuite;
import dev.evalunit.junit.ModelUnderTest;
import dev.evalunit.model.Agent;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.util.concurrent.CountDownLatch;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * A test JVM that is killed halfway: runs a suite whose last task never finishes, so the test
 * that starts it can kill it with SIGKILL and read what the results file kept.
 */
final class KilledRun {

    /** Set in the JVM that is killed: only there does the last task hang. */
    static final String HANG = "killed-run.hang";

    /** The prompts the agent answered in this JVM. */
    static final java.util.List<String> ANSWERED = new java.util.concurrent.CopyOnWriteArrayList<>();

    private KilledRun() {
    }

    @EvalSuite("engine/killed")
    static final class HangsOnTheLastTaskSuite {

        @ModelUnderTest
        static final Agent AGENT = context -> {
            ANSWERED.add(context.prompt());
            if (context.prompt().equals("task-6") && Boolean.getBoolean(HANG)) {
                new CountDownLatch(1).await();
            }
            return context.prompt();
        };
    }

    public static void main(String[] args) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(HangsOnTheLastTaskSuite.class))
                .configurationParameter(Constants.REPORT_DIR_PROPERTY_NAME, args[0])
                .configurationParameter(Constants.CONCURRENCY_PROPERTY_NAME, "1")
                .configurationParameter(Constants.BUILD_ID_PROPERTY_NAME, "the-killed-build")
                .configurationParameter("junit.platform.discovery.listener.default", "logging")
                .enableImplicitConfigurationParameters(false)
                .build();
        LauncherFactory.create().execute(request);
    }
}
