package dev.evalunit.task;

import java.net.URI;
import dev.evalunit.source.TaskFileException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Loads inline task files as {@code t.yaml} with default id {@code t}. */
final class TaskFiles {

    static final URI URI_OF_T = URI.create("file:/suite/t.yaml");

    private TaskFiles() {
    }

    static TaskFile load(String yaml) {
        return new TaskFileLoader().load(URI_OF_T, "t.yaml", "t", yaml);
    }

    static Task task(String yaml) {
        TaskFile file = load(yaml);
        assertThat(file.tasks()).hasSize(1);
        return file.tasks().get(0);
    }

    /** @return the message of the error loading {@code yaml} gives, which starts with {@code t.yaml:line:column: } */
    static String error(String yaml) {
        TaskFileException error = catchThrowableOfType(TaskFileException.class, () -> load(yaml));
        assertThat(error).as("loading should fail:%n%s", yaml).isNotNull();
        assertThat(error.position().uri()).isEqualTo(URI_OF_T);
        assertThat(error.getMessage()).isEqualTo(error.position() + ": " + error.problem());
        return error.getMessage();
    }
}
