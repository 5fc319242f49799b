package dev.evalunit.junit.engine;

import dev.evalunit.run.TaskOutcome;

import java.util.Map;
import java.util.TreeMap;

/**
 * Counts task outcomes per suite and model during a run, for the summary the engine prints at the
 * end. Thread-safe: tasks finish on several threads.
 */
final class RunTally {

    private final Map<String, int[]> counts = new TreeMap<>();

    synchronized void add(String suite, String model, TaskOutcome outcome) {
        counts.computeIfAbsent(suite + " [" + model + "]", key -> new int[TaskOutcome.values().length])
                [outcome.ordinal()]++;
    }

    /** @return one line per suite and model, e.g. {@code SreEvalTest [oracle]: 9/10 passed (90.0%), 0 errors} */
    synchronized String summary() {
        StringBuilder summary = new StringBuilder();
        int passed = 0;
        int failed = 0;
        int errors = 0;
        for (Map.Entry<String, int[]> entry : counts.entrySet()) {
            int[] count = entry.getValue();
            summary.append("EvalUnit ").append(entry.getKey()).append(": ")
                    .append(line(count[0], count[1], count[2])).append('\n');
            passed += count[0];
            failed += count[1];
            errors += count[2];
        }
        if (counts.size() > 1) {
            summary.append("EvalUnit total: ").append(line(passed, failed, errors)).append('\n');
        }
        return summary.toString();
    }

    synchronized boolean isEmpty() {
        return counts.isEmpty();
    }

    private static String line(int passed, int failed, int errors) {
        int scored = passed + failed;
        String rate = scored == 0 ? "no task scored"
                : String.format(java.util.Locale.ROOT, "pass rate %.1f%%", 100.0 * passed / scored);
        return passed + "/" + scored + " tasks passed (" + rate + "), " + errors + (errors == 1 ? " error" : " errors");
    }
}
