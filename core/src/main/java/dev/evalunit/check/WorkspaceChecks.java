package dev.evalunit.check;

import org.apiguardian.api.API;

import java.util.List;
import java.util.Objects;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * The checks on what an agent did to its workspace ({@code expect.workspace} in task files):
 * files changed only under given globs, files that must not change, a file that must (not)
 * contain a text, and a bound on the size of the change. They read the trial's
 * {@link WorkspaceChange}; a trial without one (no agent worked in a workspace) fails them.
 *
 * <p>A glob matches a whole workspace path; {@code *} matches any run of characters, {@code /}
 * included, so {@code src/*} covers every file below {@code src}.
 *
 * @since 0.1.0
 */
@API(status = INTERNAL, since = "0.1.0")
public final class WorkspaceChecks {

    private WorkspaceChecks() {
    }

    /**
     * @param globs at least one; never {@code null}
     * @return a check that every file created, changed or removed matches one of {@code globs}
     */
    public static Check changedOnly(List<Glob> globs) {
        return new WorkspaceChangedOnly(nonEmpty(globs));
    }

    /**
     * @param globs at least one; never {@code null}
     * @return a check that no file matching one of {@code globs} was created, changed or removed
     */
    public static Check unchanged(List<Glob> globs) {
        return new WorkspaceUnchanged(nonEmpty(globs));
    }

    /**
     * @param path a workspace path; never {@code null}
     * @param text never {@code null} nor empty
     * @param present whether the file must contain the text (else it must not; a missing file contains nothing)
     * @return a check on the file's content when the agent finished
     */
    public static Check fileContains(String path, String text, boolean present) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(text, "text");
        if (text.isEmpty()) {
            throw new IllegalArgumentException("text must not be empty: every file contains the empty string");
        }
        return new WorkspaceFileContains(path, text, present);
    }

    /**
     * @param maxLines 0 or more
     * @return a check that the lines added plus removed ({@link WorkspaceChange#changedLines()}) are at most {@code maxLines}
     */
    public static Check maxChangedLines(int maxLines) {
        if (maxLines < 0) {
            throw new IllegalArgumentException("maxLines must be 0 or more: " + maxLines);
        }
        return new WorkspaceChangeSize(maxLines);
    }

    /** @return {@code judge}'s verdict on the trial's workspace change; a failure when no agent worked in one */
    static CheckResult onChange(Evidence evidence, String label,
                                java.util.function.Function<WorkspaceChange, CheckResult> judge) {
        return evidence.attachment(WorkspaceChange.class).map(judge)
                .orElseGet(() -> CheckResult.fail(label, "no agent worked in a workspace in this trial (a workspace"
                        + " check needs a code task with answer: agent)"));
    }

    static boolean matchesAny(List<Glob> globs, String path) {
        return globs.stream().anyMatch(glob -> glob.matches(path));
    }

    private static List<Glob> nonEmpty(List<Glob> globs) {
        List<Glob> copy = List.copyOf(Objects.requireNonNull(globs, "globs"));
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("give at least one glob");
        }
        return copy;
    }
}
