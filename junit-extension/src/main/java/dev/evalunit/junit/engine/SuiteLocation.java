package dev.evalunit.junit.engine;

import dev.evalunit.task.LoadedFile;
import dev.evalunit.task.SuiteLoader;
import dev.evalunit.task.TaskDocument;

import java.util.List;
import java.util.function.Supplier;

/** Where a suite's task files are, and how to load them. */
final class SuiteLocation {

    private final String description;
    private final Supplier<List<TaskDocument>> documents;

    SuiteLocation(String description, Supplier<List<TaskDocument>> documents) {
        this.description = description;
        this.documents = documents;
    }

    String description() {
        return description;
    }

    /** @throws RuntimeException when the location cannot be read at all */
    List<LoadedFile> load() {
        return new SuiteLoader().load(documents.get());
    }
}
