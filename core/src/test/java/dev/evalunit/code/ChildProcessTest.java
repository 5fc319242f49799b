package dev.evalunit.code;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When a killed process counts as gone: a zombie (dead, not yet reaped by whoever adopted it) is,
 * though the JDK still calls it alive; a running process is not.
 */
class ChildProcessTest {

    @Test
    void aZombieIsGoneThoughTheJdkCallsItAlive() throws Exception {
        // sh starts a short child, then becomes a sleep that never reaps it: the child stays a zombie.
        Process parent = new ProcessBuilder("sh", "-c", "sleep 0 & exec sleep 600").start();
        try {
            ProcessHandle child = awaitOnlyDescendant(parent);
            for (int look = 0; look < 6000 && !ChildProcess.gone(child); look++) {
                Thread.sleep(10);
            }

            assertThat(ChildProcess.gone(child)).isTrue();
            assertThat(child.isAlive()).as("the JDK's view of a zombie").isTrue();
            assertThat(ChildProcess.gone(parent.toHandle())).as("a running process").isFalse();
        } finally {
            parent.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        assertThat(ChildProcess.gone(parent.toHandle())).as("a process that exited and was reaped").isTrue();
    }

    private static ProcessHandle awaitOnlyDescendant(Process parent) throws InterruptedException {
        for (int look = 0; look < 6000; look++) {
            List<ProcessHandle> children = parent.descendants().toList();
            Optional<ProcessHandle> sleeper = children.stream()
                    .filter(child -> child.info().arguments().map(a -> List.of(a).equals(List.of("0"))).orElse(true))
                    .findFirst();
            if (sleeper.isPresent() && children.size() == 1) {
                return sleeper.get();
            }
            Thread.sleep(10);
        }
        throw new AssertionError("sh never started its child: " + parent.descendants().toList());
    }
}
