package dev.evalunit.junit.engine;

import dev.evalunit.config.Settings;
import dev.evalunit.model.ModelBinding;
import dev.evalunit.run.TaskRunner;
import org.junit.platform.engine.support.hierarchical.EngineExecutionContext;

import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/** What the engine's nodes share during a run; a suite adds its model for its tasks. */
final class EvalUnitExecutionContext implements EngineExecutionContext {

    private final Settings settings;
    private final Supplier<TaskRunner> runner;
    private final Supplier<Optional<ModelBinding>> configuredModel;
    private final RunTally tally;
    private final Semaphore inFlight;
    private final ModelBinding model;

    EvalUnitExecutionContext(Settings settings, Supplier<TaskRunner> runner,
            Supplier<Optional<ModelBinding>> configuredModel, RunTally tally, Semaphore inFlight, ModelBinding model) {
        this.settings = settings;
        this.runner = runner;
        this.configuredModel = configuredModel;
        this.tally = tally;
        this.inFlight = inFlight;
        this.model = model;
    }

    /**
     * Bounds the tasks running at once to evalunit.concurrency, however many threads the
     * fork-join pool adds while others block.
     */
    Semaphore inFlight() {
        return inFlight;
    }

    Settings settings() {
        return settings;
    }

    /** @throws IllegalArgumentException when evalunit.timeout or evalunit.max-tool-calls is wrong */
    TaskRunner runner() {
        return runner.get();
    }

    /** @throws IllegalArgumentException when the evalunit.model configuration is wrong */
    Optional<ModelBinding> configuredModel() {
        return configuredModel.get();
    }

    RunTally tally() {
        return tally;
    }

    ModelBinding model() {
        if (model == null) {
            throw new IllegalStateException("no model bound: tasks run inside a suite");
        }
        return model;
    }

    EvalUnitExecutionContext withModel(ModelBinding suiteModel) {
        return new EvalUnitExecutionContext(settings, runner, configuredModel, tally, inFlight, suiteModel);
    }
}
