package dev.evalunit.report;

import org.apiguardian.api.API;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

/**
 * What was read from a {@code results.jsonl}.
 *
 * @param file the file read; never {@code null}
 * @param tasks every task line, in file order (a task scored twice appears twice: the later line counts)
 * @param warnings what was skipped and why, e.g. an incomplete last line of a run that was killed
 * @since 0.1.0
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record Results(Path file, List<TaskRecord> tasks, List<String> warnings) {

    public Results {
        Objects.requireNonNull(file, "file");
        tasks = List.copyOf(Objects.requireNonNull(tasks, "tasks"));
        warnings = List.copyOf(Objects.requireNonNull(warnings, "warnings"));
    }

    /**
     * @return every task once: the latest line of a task scored more than once, in the order the
     *         tasks last finished
     */
    public List<TaskRecord> latest() {
        Scoreboard scoreboard = new Scoreboard();
        tasks.forEach(scoreboard::add);
        return scoreboard.tasks();
    }

    /**
     * @return one line per task the file scores more than once (a rerun, or a class run by two
     *         executions of a build), saying how often and that the latest result counts
     */
    public List<String> scoredAgain() {
        List<String> lines = new ArrayList<>();
        occurrences().forEach((key, count) -> {
            if (count > 1) {
                lines.add(key + " was scored " + count + " times in " + file + " (a rerun, or a test class that two"
                        + " executions ran); only the latest result counts");
            }
        });
        return lines;
    }

    /** @return how many lines each task has in the file, in the order the tasks first appear */
    Map<TaskKey, Integer> occurrences() {
        Map<TaskKey, Integer> counts = new LinkedHashMap<>();
        tasks.forEach(task -> counts.merge(task.key(), 1, Integer::sum));
        return counts;
    }
}
