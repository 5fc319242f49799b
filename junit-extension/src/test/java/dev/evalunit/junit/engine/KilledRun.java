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

    private KilledRun() {
    }

    @EvalSuite("engine/killed")
    static final class HangsOnTheLastTaskSuite {

        @ModelUnderTest
        static final Agent AGENT = context -> {
            if (context.prompt().equals("task-6")) {
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
                .configurationParameter("junit.platform.discovery.listener.default", "logging")
                .enableImplicitConfigurationParameters(false)
                .build();
        LauncherFactory.create().execute(request);
    }
}
