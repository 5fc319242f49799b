package dev.evalunit.junit.engine;

import dev.evalunit.config.Constants;
import dev.evalunit.config.Settings;
import dev.evalunit.report.Prices;
import dev.evalunit.report.TaskRecord;
import dev.evalunit.run.TaskResult;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * What the engine does around the tasks for the person watching a run: the progress line every
 * {@code evalunit.progress.interval} and at the end of each suite, the budget that stops new tasks
 * once spent, and the export of every trial's spans to the user's own collector.
 */
final class RunMonitor {

    private final Progress progress = new Progress(System::nanoTime);
    private final PrintStream out;
    private final Optional<Duration> interval;
    private final Budget budget;
    private final Prices prices;
    private final TraceExport export;
    private final List<String> configurationErrors;
    private ScheduledExecutorService ticker;

    private RunMonitor(PrintStream out, Optional<Duration> interval, Budget budget, Prices prices, TraceExport export,
            List<String> configurationErrors) {
        this.out = out;
        this.interval = interval;
        this.budget = budget;
        this.prices = prices;
        this.export = export;
        this.configurationErrors = List.copyOf(configurationErrors);
    }

    /** Reads the keys; a wrong value is kept as an error every task reports, not a crash of the engine. */
    static RunMonitor fromSettings(Settings settings, PrintStream out) {
        List<String> errors = new ArrayList<>();
        Optional<Duration> interval = Optional.empty();
        try {
            if (flag(settings, Constants.PROGRESS_PROPERTY_NAME, Constants.PROGRESS_DEFAULT)) {
                interval = Optional.of(settings.duration(Constants.PROGRESS_INTERVAL_PROPERTY_NAME,
                        Constants.PROGRESS_INTERVAL_DEFAULT));
            }
        } catch (IllegalArgumentException e) {
            errors.add(e.getMessage());
        }
        Prices prices = Prices.none();
        Budget budget = Budget.unlimited();
        try {
            prices = settings.get(Constants.PRICES_PROPERTY_NAME).map(text -> Prices.parse(text, Constants.PRICES_PROPERTY_NAME)).orElse(Prices.none());
            budget = new Budget(maxTokens(settings), maxCost(settings), prices);
        } catch (IllegalArgumentException e) {
            errors.add(e.getMessage());
        }
        TraceExport export = TraceExport.none();
        try {
            export = TraceExport.fromSettings(settings, System::getenv);
        } catch (IllegalArgumentException e) {
            errors.add(e.getMessage());
        }
        return new RunMonitor(out, interval, budget, prices, export, errors);
    }

    static boolean flag(Settings settings, String key, String defaultValue) {
        String value = settings.get(key, defaultValue).strip().toLowerCase(Locale.ROOT);
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException(key + " must be true or false, was \"" + value + "\"");
        }
        return value.equals("true");
    }

    private static OptionalLong maxTokens(Settings settings) {
        Optional<String> value = settings.get(Constants.MAX_TOKENS_PROPERTY_NAME);
        if (value.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            long parsed = Long.parseLong(value.get().strip());
            if (parsed < 1) {
                throw new NumberFormatException();
            }
            return OptionalLong.of(parsed);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(Constants.MAX_TOKENS_PROPERTY_NAME + " must be a positive whole number of tokens, was \""
                    + value.get() + "\"");
        }
    }

    private static OptionalDouble maxCost(Settings settings) {
        Optional<String> value = settings.get(Constants.MAX_COST_PROPERTY_NAME);
        if (value.isEmpty()) {
            return OptionalDouble.empty();
        }
        try {
            double parsed = Double.parseDouble(value.get().strip());
            if (!(parsed > 0)) {
                throw new NumberFormatException();
            }
            return OptionalDouble.of(parsed);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(Constants.MAX_COST_PROPERTY_NAME + " must be a positive amount, e.g. 5.00, was \""
                    + value.get() + "\"");
        }
    }

    /** @throws IllegalArgumentException when a key of this monitor is wrong: the task errors with it */
    void checkConfiguration() {
        if (!configurationErrors.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", configurationErrors));
        }
    }

    /** @return why a task must not start: the budget is spent */
    Optional<String> refuseStart() {
        return budget.refuse();
    }

    /** A suite or model is about to run {@code tasks} tasks; starts the ticker with the first. */
    synchronized void plan(String model, int tasks) {
        progress.plan(model, tasks);
        if (ticker == null && interval.isPresent()) {
            ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "evalunit-progress");
                thread.setDaemon(true);
                return thread;
            });
            long millis = Math.max(1, interval.get().toMillis());
            ticker.scheduleAtFixedRate(this::printProgress, millis, millis, TimeUnit.MILLISECONDS);
        }
    }

    void finished(TaskRecord record, TaskResult result, UnaryOperator<String> redaction) {
        progress.finished(record);
        budget.spend(record);
        export.export(record, result, redaction);
    }

    /** Prints the progress of every model that moved since the last line; at each suite's end, and on each tick. */
    void printProgress() {
        if (interval.isEmpty()) {
            return;
        }
        List<String> lines = progress.lines();
        if (!lines.isEmpty()) {
            synchronized (out) {
                lines.forEach(out::println);
                out.flush();
            }
        }
    }

    Prices prices() {
        return prices;
    }

    Optional<String> cutShort() {
        return budget.cutShort();
    }

    /** Stops the ticker and sends the last spans; the run is over. */
    synchronized void close() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
        export.close();
    }
}
