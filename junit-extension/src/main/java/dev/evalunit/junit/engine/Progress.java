package dev.evalunit.junit.engine;

import dev.evalunit.report.Figures;
import dev.evalunit.report.TaskRecord;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * The live progress of a run, one line per model: how many of its tasks are done, their verdicts,
 * the pass rate with its interval, the rate and the time left. Its clock is given, so tests drive
 * it without waiting. Thread-safe.
 */
final class Progress {

    private final LongSupplier nanoTime;
    private final Map<String, ModelProgress> models = new TreeMap<>();

    Progress(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** Adds {@code tasks} tasks of {@code model} to the run; its clock starts with its first plan. */
    synchronized void plan(String model, int tasks) {
        models.computeIfAbsent(model, name -> new ModelProgress(nanoTime.getAsLong())).planned += tasks;
    }

    synchronized void finished(TaskRecord task) {
        ModelProgress progress = models.computeIfAbsent(task.model(), name -> new ModelProgress(nanoTime.getAsLong()));
        // Only the outline: the figures need each task's verdict and trials, and a run of 50,000
        // tasks would otherwise hold every check message and span until its end.
        progress.done.add(task.outline());
        progress.changed = true;
    }

    /**
     * @return the line of every model whose tasks changed since the last call, or that still has
     *         tasks to run; a model whose last line was its final one is not repeated
     */
    synchronized List<String> lines() {
        long now = nanoTime.getAsLong();
        List<String> lines = new ArrayList<>();
        models.forEach((model, progress) -> {
            if (progress.changed || progress.done.size() < progress.planned) {
                lines.add(line(model, progress, now));
                progress.changed = false;
            }
        });
        return lines;
    }

    /** e.g. {@code EvalUnit [gpt-4o] 120/400 done · 97 passed · 20 failed · 3 errors · pass rate 0.83 (0.75-0.89) · 1.9 tasks/s · ETA 2m55s} */
    private static String line(String model, ModelProgress progress, long now) {
        Figures figures = Figures.of(progress.done);
        int done = progress.done.size();
        int planned = Math.max(progress.planned, done);
        StringBuilder line = new StringBuilder("EvalUnit [").append(model).append("] ").append(done).append('/')
                .append(planned).append(" done · ").append(figures.passed()).append(" passed · ")
                .append(figures.failed()).append(" failed · ").append(figures.errors())
                .append(figures.errors() == 1 ? " error" : " errors");
        if (figures.passRate().isPresent()) {
            line.append(String.format(Locale.ROOT, " · pass rate %.2f (%.2f-%.2f)", figures.passRate().getAsDouble(),
                    figures.passRateLow().getAsDouble(), figures.passRateHigh().getAsDouble()));
        }
        double seconds = (now - progress.startNanos) / 1e9;
        if (done > 0 && seconds > 0) {
            double perSecond = done / seconds;
            line.append(String.format(Locale.ROOT, " · %.1f tasks/s", perSecond));
            if (done < planned) {
                line.append(" · ETA ").append(eta(Duration.ofSeconds(Math.round((planned - done) / perSecond))));
            }
        }
        return line.toString();
    }

    /** e.g. {@code 45s}, {@code 2m55s}, {@code 1h02m} */
    static String eta(Duration left) {
        long seconds = left.getSeconds();
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return (seconds / 60) + "m" + String.format(Locale.ROOT, "%02d", seconds % 60) + "s";
        }
        return (seconds / 3600) + "h" + String.format(Locale.ROOT, "%02d", (seconds % 3600) / 60) + "m";
    }

    private static final class ModelProgress {
        final long startNanos;
        final List<TaskRecord> done = new ArrayList<>();
        int planned;
        boolean changed;

        ModelProgress(long startNanos) {
            this.startNanos = startNanos;
        }
    }
}
