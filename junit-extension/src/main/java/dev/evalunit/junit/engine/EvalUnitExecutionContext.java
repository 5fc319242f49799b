package dev.evalunit.junit.engine;

import dev.evalunit.config.Constants;
import dev.evalunit.config.Settings;
import dev.evalunit.judge.Graders;
import dev.evalunit.judge.Judge;
import dev.evalunit.model.ModelBinding;
import dev.evalunit.run.TaskRunner;
import org.junit.platform.engine.support.hierarchical.EngineExecutionContext;

import java.util.Optional;
import java.util.function.Supplier;

/** What the engine's nodes share during a run; a suite adds its model for its tasks. */
final class EvalUnitExecutionContext implements EngineExecutionContext {

    private final Settings settings;
    private final Supplier<TaskRunner> runner;
    private final Supplier<Optional<ModelBinding>> configuredModel;
    private final RunReport report;
    private final TaskSlots slots;
    private final java.util.List<String> plannedModels;
    private final ModelBinding model;
    private final Graders graders;
    private final RunMonitor monitor;

    EvalUnitExecutionContext(Settings settings, Supplier<TaskRunner> runner,
            Supplier<Optional<ModelBinding>> configuredModel, RunReport report, TaskSlots slots, RunMonitor monitor) {
        this(settings, runner, configuredModel, report, slots, java.util.List.of(), null,
                Graders.withoutJudge(Judge.howToConfigure("this suite")), monitor);
    }

    private EvalUnitExecutionContext(Settings settings, Supplier<TaskRunner> runner,
            Supplier<Optional<ModelBinding>> configuredModel, RunReport report, TaskSlots slots,
            java.util.List<String> plannedModels, ModelBinding model, Graders graders, RunMonitor monitor) {
        this.settings = settings;
        this.runner = runner;
        this.configuredModel = configuredModel;
        this.report = report;
        this.slots = slots;
        this.plannedModels = plannedModels;
        this.model = model;
        this.graders = graders;
        this.monitor = monitor;
    }

    /** @return the run's progress, budget and trace export */
    RunMonitor monitor() {
        return monitor;
    }

    /**
     * Bounds the tasks running at once (see {@link TaskSlots}), however many threads the fork-join
     * pool adds while others block.
     */
    TaskSlots slots() {
        return slots;
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

    /**
     * @param name one of several names given in evalunit.model.name
     * @return the configured model under that name
     * @throws IllegalArgumentException when the evalunit.model configuration is wrong
     */
    Optional<ModelBinding> configuredModel(String name) {
        Settings named = Settings.from(key -> key.equals(Constants.MODEL_NAME_PROPERTY_NAME)
                ? Optional.of(name) : settings.get(key));
        return ModelBinding.fromSettings(named, System::getenv);
    }

    RunReport report() {
        return report;
    }

    /** @return the suite's model name, or every model's name when a problem of a several-model suite is recorded */
    java.util.List<String> modelNames() {
        if (model != null) {
            return java.util.List.of(model.name());
        }
        return plannedModels.isEmpty() ? java.util.List.of("no model") : plannedModels;
    }

    ModelBinding model() {
        if (model == null) {
            throw new IllegalStateException("no model bound: tasks run inside a suite");
        }
        return model;
    }

    EvalUnitExecutionContext withModel(ModelBinding suiteModel) {
        return new EvalUnitExecutionContext(settings, runner, configuredModel, report, slots, plannedModels, suiteModel,
                graders, monitor);
    }

    /** @return a context for a suite that runs each task against each of {@code names} */
    EvalUnitExecutionContext withModelNames(java.util.List<String> names) {
        return new EvalUnitExecutionContext(settings, runner, configuredModel, report, slots, names, null, graders, monitor);
    }

    /** @return the judge and the similarity scorer of the suite, for checks that need judgement */
    Graders graders() {
        return graders;
    }

    EvalUnitExecutionContext withGraders(Graders suiteGraders) {
        return new EvalUnitExecutionContext(settings, runner, configuredModel, report, slots, plannedModels, model,
                suiteGraders, monitor);
    }
}
