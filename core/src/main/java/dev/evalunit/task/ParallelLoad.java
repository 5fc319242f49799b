package dev.evalunit.task;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Runs the loading of a suite's files on every processor: parsing and checking one file is
 * independent of every other, and a suite of thousands of files otherwise loads on one core while
 * the rest wait. The calling thread works too; the others are daemon threads of this call, with the
 * caller's context class loader (through which user check kinds are found), gone when it returns.
 */
final class ParallelLoad {

    /**
     * Below this many files the suite loads on the caller's thread: cold, a second thread competes
     * with the JIT and class loading for the cores, and 400 files loaded 0.1-0.2 s slower on two
     * cores in parallel (docs/benchmarks.md); 10,000 loaded 4% faster.
     */
    static final int PARALLEL_FROM = 2_000;

    private ParallelLoad() {
    }

    /**
     * Calls {@code work} once for each index below {@code count}, in no given order, and returns
     * when every call has returned.
     *
     * @param parallelFrom from how many calls on other threads share them ({@link #PARALLEL_FROM})
     * @throws RuntimeException the first a call threw (the others still ran); {@code work} is
     *         expected to turn a file's problems into values, not to throw
     */
    static void forEach(int count, int parallelFrom, IntConsumer work) {
        int threads = count < parallelFrom ? 1 : Runtime.getRuntime().availableProcessors();
        if (threads <= 1) {
            for (int i = 0; i < count; i++) {
                work.accept(i);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                try {
                    work.accept(i);
                } catch (RuntimeException | Error e) {
                    thrown.compareAndSet(null, e);
                }
            }
        };
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        List<Thread> helpers = new ArrayList<>();
        for (int t = 1; t < threads; t++) {
            Thread helper = new Thread(worker, "evalunit-load-" + t);
            helper.setDaemon(true);
            helper.setContextClassLoader(context);
            helper.start();
            helpers.add(helper);
        }
        worker.run();
        boolean interrupted = false;
        for (Thread helper : helpers) {
            while (helper.isAlive()) {
                try {
                    helper.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable first = thrown.get();
        if (first instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (first instanceof Error error) {
            throw error;
        }
    }
}
