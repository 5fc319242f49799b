package dev.evalunit.report;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Mutual exclusion on a report directory, between the engine executions of one JVM and between
 * JVMs (Surefire forks, Failsafe): a lock on {@code .lock} in the directory. The operating system's
 * file lock belongs to the process, so executions within one JVM also take a lock of their own
 * first; without it the second {@link FileChannel#lock} of the JVM would throw.
 */
final class DirectoryLock {

    static final String LOCK_FILE = ".lock";

    private static final Map<Path, ReentrantLock> IN_JVM = new ConcurrentHashMap<>();

    /** What runs under the lock. */
    interface Action<T> {
        T run() throws IOException;
    }

    private DirectoryLock() {
    }

    static <T> T holding(Path directory, Action<T> action) throws IOException {
        ReentrantLock inJvm = IN_JVM.computeIfAbsent(directory.toAbsolutePath().normalize(), key -> new ReentrantLock());
        inJvm.lock();
        try (FileChannel channel = FileChannel.open(directory.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
                FileLock lock = channel.lock()) {
            return action.run();
        } finally {
            inJvm.unlock();
        }
    }
}
