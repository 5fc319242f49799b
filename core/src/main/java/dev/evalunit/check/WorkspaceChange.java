package dev.evalunit.check;

import org.apiguardian.api.API;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * What an agent did to its workspace: the files before it started and when it finished. Attached
 * to the {@link Evidence} of an agent task's trial for the workspace checks ({@code expect.workspace}).
 *
 * @param before path (relative, {@code /}) to content, as the task gave the workspace; never {@code null}
 * @param after path to content when the agent finished; never {@code null}
 * @since 0.1.0
 */
@API(status = INTERNAL, since = "0.1.0")
public record WorkspaceChange(Map<String, String> before, Map<String, String> after) {

    public WorkspaceChange {
        before = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(before, "before")));
        after = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(after, "after")));
    }

    /** @return the paths created, changed or removed, sorted */
    public List<String> changedPaths() {
        TreeSet<String> paths = new TreeSet<>(before.keySet());
        paths.addAll(after.keySet());
        paths.removeIf(path -> Objects.equals(before.get(path), after.get(path)));
        return List.copyOf(paths);
    }

    /**
     * @return the lines added plus the lines removed over every changed file, each file's lines
     *         compared as multisets (a moved line counts as neither; cheap and bounded, unlike a diff)
     */
    public int changedLines() {
        int lines = 0;
        for (String path : changedPaths()) {
            Map<String, Integer> count = new java.util.HashMap<>();
            lines(before.get(path)).forEach(line -> count.merge(line, 1, Integer::sum));
            lines(after.get(path)).forEach(line -> count.merge(line, -1, Integer::sum));
            for (int difference : count.values()) {
                lines += Math.abs(difference);
            }
        }
        return lines;
    }

    private static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : List.of(text.split("\n", -1));
    }
}
