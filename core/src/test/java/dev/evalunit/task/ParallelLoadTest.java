package dev.evalunit.task;

import org.junit.jupiter.api.Test;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParallelLoadTest {

    @Test
    void callsTheWorkOnceForEveryIndexWithTheCallersContextClassLoader() {
        int count = 3200;
        AtomicIntegerArray calls = new AtomicIntegerArray(count);
        Set<ClassLoader> loaders = ConcurrentHashMap.newKeySet();
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        ClassLoader users = new URLClassLoader(new URL[0], before);
        Thread.currentThread().setContextClassLoader(users);
        try {
            ParallelLoad.forEach(count, 64, i -> {
                calls.incrementAndGet(i);
                loaders.add(Thread.currentThread().getContextClassLoader());
            });
        } finally {
            Thread.currentThread().setContextClassLoader(before);
        }

        for (int i = 0; i < count; i++) {
            assertThat(calls.get(i)).as("calls of index %d", i).isEqualTo(1);
        }
        assertThat(loaders).containsExactly(users);
    }

    @Test
    void belowTheThresholdEveryCallIsOnTheCallersThread() {
        Set<Thread> threads = ConcurrentHashMap.newKeySet();

        ParallelLoad.forEach(ParallelLoad.PARALLEL_FROM - 1, ParallelLoad.PARALLEL_FROM, i -> threads.add(Thread.currentThread()));

        assertThat(threads).containsExactly(Thread.currentThread());
    }

    @Test
    void rethrowsWhatAWorkThrewOnceEveryOtherIndexRan() {
        int count = 640;
        AtomicIntegerArray calls = new AtomicIntegerArray(count);

        assertThatThrownBy(() -> ParallelLoad.forEach(count, 64, i -> {
            calls.incrementAndGet(i);
            if (i == 123) {
                throw new IllegalStateException("index 123 is broken");
            }
        })).isInstanceOf(IllegalStateException.class).hasMessage("index 123 is broken");
        for (int i = 0; i < count; i++) {
            assertThat(calls.get(i)).isEqualTo(1);
        }
    }
}
