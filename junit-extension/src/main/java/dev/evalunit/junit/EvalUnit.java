package dev.evalunit.junit;

import org.apiguardian.api.API;

import dev.evalunit.judge.Graders;
import dev.evalunit.model.ModelBinding;
import dev.evalunit.run.TaskResult;
import dev.evalunit.run.TaskRunner;
import dev.evalunit.run.TrialResult;
import dev.evalunit.task.LoadedFile;
import dev.evalunit.source.SourcePosition;
import dev.evalunit.task.SuiteLoader;
import dev.evalunit.task.Task;
import dev.evalunit.task.TaskDocuments;
import dev.evalunit.task.TaskMessage;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

/**
 * Runs prompts and task files against the model under test from a hand-written Jupiter test.
 * Injected by {@link EvalUnitExtension}; each run is a full trial, with its own captured spans.
 *
 * @since 0.1.0
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class EvalUnit {

    private final ModelBinding model;
    private final TaskRunner runner;
    private final Graders graders;
    private final ClassLoader classLoader;
    private final String testName;

    EvalUnit(ModelBinding model, TaskRunner runner, Graders graders, ClassLoader classLoader, String testName) {
        this.model = model;
        this.runner = runner;
        this.graders = graders;
        this.classLoader = classLoader;
        this.testName = testName;
    }

    /** @return the model under test */
    public ModelBinding model() {
        return model;
    }

    /**
     * Sends one user message, with no tools, and returns the trial for assertions.
     *
     * @param prompt the user message; never {@code null}
     * @return the trial: its answer and spans
     */
    public TrialResult ask(String prompt) {
        return ask(null, prompt);
    }

    /**
     * Sends a system message and a user message, with no tools.
     *
     * @param system the system message; {@code null} for none
     * @param prompt the user message; never {@code null}
     * @return the trial: its answer and spans
     */
    public TrialResult ask(String system, String prompt) {
        Objects.requireNonNull(prompt, "prompt");
        List<TaskMessage> messages = new ArrayList<>();
        if (system != null) {
            messages.add(new TaskMessage(TaskMessage.Role.SYSTEM, system));
        }
        messages.add(new TaskMessage(TaskMessage.Role.USER, prompt));
        URI uri;
        try {
            uri = new URI(ModelBinding.PROMPT_SCHEME, testName, null); // quotes what a display name may hold
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("cannot name a prompt after test " + testName, e);
        }
        Task task = Task.builder(testName, SourcePosition.startOf(uri, testName)).messages(messages).build();
        return runner.runTrial(task, model, 1, graders);
    }

    /**
     * Runs a task file from the classpath, every trial and every check, as the engine would.
     *
     * @param location the file's classpath location, e.g. {@code sre/tools/oom.yaml}; never {@code null}
     * @return the task's result
     * @throws dev.evalunit.source.TaskFileException when the file is broken
     * @throws IllegalArgumentException when the location holds no task, or several
     */
    public TaskResult runTask(String location) {
        List<Task> tasks = new ArrayList<>();
        for (LoadedFile file : new SuiteLoader().load(TaskDocuments.onClasspath(classLoader, location))) {
            if (file.error().isPresent()) {
                throw file.error().get();
            }
            tasks.addAll(file.file().orElseThrow().tasks());
        }
        if (tasks.size() != 1) {
            throw new IllegalArgumentException("runTask needs a location with exactly one task; " + location
                    + " holds " + tasks.size());
        }
        return runner.run(tasks.get(0), model, graders);
    }
}
