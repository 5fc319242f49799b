package dev.evalunit.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectDirectory;
import static org.junit.platform.launcher.EngineFilter.includeEngines;

/**
 * One run of one scenario, in a JVM of its own (the "test JVM"): runs a suite through the JUnit
 * Platform Launcher, as Surefire or an IDE would, and prints one line {@code RESULT {json}} with
 * the wall time of discovery plus execution, the outcome of every test, and the JVM's peak memory.
 *
 * <p>Arguments: {@code evalunit <tasks dir> <report dir> key=value...} (engine configuration), or
 * {@code jupiter <tasks dir>}.
 */
public final class Scenario {

    private Scenario() {
    }

    public static void main(String[] args) throws Exception {
        String engine = args[0];
        Path tasks = Path.of(args[1]);
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request();
        if (engine.equals("evalunit")) {
            Map<String, String> configuration = new HashMap<>();
            configuration.put("evalunit.report.dir", args[2]);
            for (int i = 3; i < args.length; i++) {
                String[] pair = args[i].split("=", 2);
                configuration.put(pair[0], pair[1]);
            }
            request.selectors(selectDirectory(tasks.toFile())).filters(includeEngines("evalunit"))
                    .configurationParameters(configuration);
        } else {
            System.setProperty(PlainBaseline.TASKS_PROPERTY, tasks.toString());
            request.selectors(selectClass(PlainBaseline.class)).filters(includeEngines("junit-jupiter"));
        }
        HeapAtCollections heap = HeapAtCollections.watch();
        LauncherDiscoveryRequest discovery = request.build();
        Outcomes outcomes = new Outcomes();
        Launcher launcher = LauncherFactory.create();

        long start = System.nanoTime();
        org.junit.platform.launcher.TestPlan plan = launcher.discover(discovery);
        long discovered = System.nanoTime();
        long cpuAtExecution = processCpuNanos();
        launcher.execute(plan, outcomes);
        long wallNanos = System.nanoTime() - start;
        long executionCpuNanos = processCpuNanos() - cpuAtExecution;
        // What the run still holds once it is over (the test plan included, as Surefire keeps it):
        // a figure that grows with the number of tasks is memory a larger run would run out of.
        System.gc();
        long heapAfterRun = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();

        ObjectNode result = new ObjectMapper().createObjectNode()
                .put("wallMillis", wallNanos / 1_000_000.0)
                .put("discoveryMillis", (discovered - start) / 1_000_000.0)
                // CPU the test JVM spent executing (every thread): on a loaded machine a steadier
                // figure of the engine's own cost than any wall time.
                .put("executionCpuMillis", executionCpuNanos / 1_000_000.0)
                .put("tests", outcomes.finished.size())
                .put("passed", outcomes.count(TestExecutionResult.Status.SUCCESSFUL))
                .put("failed", outcomes.count(TestExecutionResult.Status.FAILED))
                .put("aborted", outcomes.count(TestExecutionResult.Status.ABORTED))
                .put("reportedTwice", outcomes.reportedTwice.get())
                .put("peakHeapMB", peakHeapBytes() / (1024.0 * 1024))
                .put("peakRssMB", peakRssKilobytes() / 1024.0)
                .put("heapAfterRunMB", heapAfterRun / (1024.0 * 1024))
                .put("peakOccupiedMB", heap.mostBefore.get() / (1024.0 * 1024))
                .put("peakLiveMB", heap.mostAfter.get() / (1024.0 * 1024))
                .put("maxHeapMB", Runtime.getRuntime().maxMemory() / (1024.0 * 1024));
        result.putArray("firstProblems").addAll(outcomes.problems.stream().limit(5)
                .map(problem -> result.textNode(problem)).toList());
        System.out.println("RESULT " + result);
        System.out.flush();
        System.exit(0);
    }

    /**
     * The heap at each garbage collection: the most it held just before one (the real peak, never
     * more than the heap; the sum of the pools' peaks below can be more, the pools peaking at
     * different times) and the most it still held after one (the live data at its largest).
     */
    private static final class HeapAtCollections implements javax.management.NotificationListener {

        final java.util.concurrent.atomic.AtomicLong mostBefore = new java.util.concurrent.atomic.AtomicLong();
        final java.util.concurrent.atomic.AtomicLong mostAfter = new java.util.concurrent.atomic.AtomicLong();
        private final java.util.Set<String> heapPools = new java.util.HashSet<>();

        static HeapAtCollections watch() {
            HeapAtCollections watcher = new HeapAtCollections();
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    watcher.heapPools.add(pool.getName());
                }
            }
            for (java.lang.management.GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (collector instanceof javax.management.NotificationEmitter emitter) {
                    emitter.addNotificationListener(watcher, null, null);
                }
            }
            return watcher;
        }

        @Override
        public void handleNotification(javax.management.Notification notification, Object handback) {
            if (!notification.getType().equals(
                    com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                return;
            }
            com.sun.management.GcInfo info = com.sun.management.GarbageCollectionNotificationInfo
                    .from((javax.management.openmbean.CompositeData) notification.getUserData()).getGcInfo();
            mostBefore.accumulateAndGet(heapUsed(info.getMemoryUsageBeforeGc()), Math::max);
            mostAfter.accumulateAndGet(heapUsed(info.getMemoryUsageAfterGc()), Math::max);
        }

        private long heapUsed(Map<String, java.lang.management.MemoryUsage> usage) {
            long used = 0;
            for (Map.Entry<String, java.lang.management.MemoryUsage> pool : usage.entrySet()) {
                if (heapPools.contains(pool.getKey())) {
                    used += pool.getValue().getUsed();
                }
            }
            return used;
        }
    }

    /** Peak heap use as the sum of each heap pool's peak: an upper bound (the pools peak at different times, so it can pass -Xmx). */
    private static long peakHeapBytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    /** Peak resident memory of the whole process (heap, metaspace, code, threads), from Linux's VmHWM. */
    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    private static long peakRssKilobytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (Exception notLinux) {
            // reported as 0
        }
        return 0;
    }

    private static final class Outcomes implements TestExecutionListener {

        final Map<String, TestExecutionResult.Status> finished = new ConcurrentHashMap<>();
        final AtomicInteger reportedTwice = new AtomicInteger();
        final List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());

        @Override
        public void executionFinished(TestIdentifier test, TestExecutionResult result) {
            if (!test.isTest()) {
                return;
            }
            if (finished.put(test.getUniqueId(), result.getStatus()) != null) {
                reportedTwice.incrementAndGet();
            }
            if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL && problems.size() < 5) {
                problems.add(test.getDisplayName() + ": " + result.getThrowable().map(Throwable::getMessage).orElse(""));
            }
        }

        long count(TestExecutionResult.Status status) {
            return finished.values().stream().filter(status::equals).count();
        }
    }
}
