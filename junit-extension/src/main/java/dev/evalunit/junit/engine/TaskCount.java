package dev.evalunit.junit.engine;

import org.junit.platform.engine.TestDescriptor;

/** How many tasks a part of the test tree runs, for the progress line; broken files are not tasks. */
final class TaskCount {

    private TaskCount() {
    }

    static int of(TestDescriptor descriptor) {
        return (int) descriptor.getDescendants().stream().filter(TaskDescriptor.class::isInstance).count();
    }
}
