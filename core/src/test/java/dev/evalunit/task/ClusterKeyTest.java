package dev.evalunit.task;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static dev.evalunit.task.TaskFiles.error;
import static org.assertj.core.api.Assertions.assertThat;

class ClusterKeyTest {

    @Test
    void readsTheClusterKey() {
        Task task = TaskFiles.task("""
                prompt: Hi
                cluster: billing-faq
                expect: {output: [contains: a]}
                """);

        assertThat(task.cluster()).contains("billing-faq");
    }

    @Test
    void aTaskWithoutOneIsClusteredByItsFile() {
        assertThat(TaskFiles.task("""
                prompt: Hi
                expect: {output: [contains: a]}
                """).cluster()).isEqualTo(Optional.empty());
    }

    @Test
    void theItemsOfATaskListTakeTheListsClusterUnlessTheyNameTheirOwn() {
        TaskFile file = TaskFiles.load("""
                cluster: geography
                expect: {output: [contains: a]}
                tasks:
                  - {id: one, prompt: Hi}
                  - {id: two, prompt: Hi, cluster: capitals}
                """);

        assertThat(file.items()).extracting(item -> item.task().orElseThrow().cluster().orElseThrow())
                .containsExactly("geography", "capitals");
    }

    @Test
    void refusesAnEmptyCluster() {
        assertThat(error("""
                prompt: Hi
                cluster: ""
                expect: {output: [contains: a]}
                """)).isEqualTo("t.yaml:2:10: missing value for cluster; write a value");
    }
}
