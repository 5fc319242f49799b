package dev.evalunit.check;

import org.apiguardian.api.API;

import java.util.List;
import java.util.Objects;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

/**
 * The checks on a run of the program a code task's answer was built into ({@code expect.run} in
 * task files): {@code exit-code}, output {@code contains}, {@code not-contains}, {@code line} and {@code lines}, and
 * {@code traces}. They read the trial's {@link RunOutcome}; a trial without one (nothing ran)
 * fails them.
 *
 * @since 0.1.0
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class RunChecks {

    private RunChecks() {
    }

    /**
     * @param expected the exit code, usually 0
     * @return a check that every process that exited by itself exited with {@code expected}, and
     *         that at least one did (services the engine stops at the end are not counted)
     */
    public static Check exitCode(int expected) {
        return new RunExitCode(expected);
    }

    /**
     * @param text never {@code null} nor empty
     * @return a check that the processes' output, all together, contains {@code text}
     */
    public static Check outputContains(String text) {
        return new RunOutputContains(nonEmpty(text), true);
    }

    /**
     * @param text never {@code null} nor empty
     * @return a check that no process printed {@code text}
     */
    public static Check outputNotContains(String text) {
        return new RunOutputContains(nonEmpty(text), false);
    }

    /**
     * @param line never {@code null}
     * @return a check that one line of the processes' output, all together, is exactly {@code line}
     */
    public static Check outputLine(String line) {
        return new RunOutputLines(List.of(Objects.requireNonNull(line, "line")), false);
    }

    /**
     * @param lines never {@code null}
     * @return a check that the processes' output, all together, is exactly these lines
     */
    public static Check outputLines(List<String> lines) {
        return new RunOutputLines(lines, true);
    }

    /**
     * @param count never {@code null}; such as {@code == 1}
     * @return a check on the number of distinct trace ids among the spans the run exported
     */
    public static Check traces(Comparison count) {
        return new RunTraces(Objects.requireNonNull(count, "count"));
    }

    static CheckResult nothingRan(String label) {
        return CheckResult.fail(label, "no program ran in this trial (a run check needs a task with run:)");
    }

    private static String nonEmpty(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty()) {
            throw new IllegalArgumentException("text must not be empty: every output contains the empty string");
        }
        return text;
    }
}
