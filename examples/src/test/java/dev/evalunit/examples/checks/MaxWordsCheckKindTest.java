package dev.evalunit.examples.checks;

import dev.evalunit.source.TaskFileException;
import dev.evalunit.task.Task;
import dev.evalunit.task.TaskFileLoader;
import dev.evalunit.check.Evidence;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MaxWordsCheckKindTest {

    private static Task load(String yaml) {
        return new TaskFileLoader().load(URI.create("file:/suite/short.yaml"), "short.yaml", "short", yaml).tasks().get(0);
    }

    private static final String TASK = """
            prompt: In one sentence, what does HTTP 503 mean?
            expect:
              output:
                - max-words: 5
            """;

    @Test
    void passesAnAnswerWithinTheLimit() {
        Task task = load(TASK);
        assertThat(task.checks()).singleElement()
                .satisfies(check -> assertThat(check.evaluate(new Evidence("Service unavailable.", List.of())).passed()).isTrue());
    }

    @Test
    void failsAnAnswerOverTheLimit() {
        Task task = load(TASK);
        assertThat(task.checks().get(0).evaluate(new Evidence("The server cannot handle the request right now.", List.of())))
                .satisfies(result -> {
                    assertThat(result.passed()).isFalse();
                    assertThat(result.message()).isEqualTo("expected at most 5 words, found 8");
                });
    }

    @Test
    void refusesAValueThatIsNotANumberAtItsPosition() {
        assertThatThrownBy(() -> load(TASK.replace("max-words: 5", "max-words: five")))
                .isInstanceOf(TaskFileException.class)
                .hasMessageContaining("short.yaml:4:18")
                .hasMessageContaining("expect.output[0].max-words must be a whole number of words, such as 60");
    }
}
