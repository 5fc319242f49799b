package dev.evalunit.check;

import java.util.List;
import java.util.Objects;

/**
 * The run's output has a line that is exactly a text ({@code line:}), or is exactly these lines,
 * no more, no fewer ({@code lines:}): "keep the output unchanged" needs more than a few
 * {@code contains}. Lines are split at {@code \n}, a trailing {@code \r} dropped, a final empty line ignored.
 */
record RunOutputLines(List<String> expected, boolean whole) implements Check {

    RunOutputLines {
        expected = List.copyOf(Objects.requireNonNull(expected, "expected"));
    }

    @Override
    public String label() {
        return RunOutputContains.LABEL;
    }

    @Override
    public CheckResult evaluate(Evidence evidence) {
        return evidence.attachment(RunOutcome.class).map(run -> {
            List<String> lines = lines(run.output());
            if (!whole) {
                String line = expected.get(0);
                return lines.contains(line) ? CheckResult.pass(label(), "has the line " + Excerpt.quote(line))
                        : CheckResult.fail(label(), "expected a line that is exactly " + Excerpt.quote(line)
                                + ", the lines were " + shown(lines));
            }
            for (int i = 0; i < Math.max(lines.size(), expected.size()); i++) {
                String want = i < expected.size() ? Excerpt.quote(expected.get(i)) : "no more lines";
                String got = i < lines.size() ? Excerpt.of(lines.get(i), 120) : "no more lines";
                if (i >= lines.size() || i >= expected.size() || !lines.get(i).equals(expected.get(i))) {
                    return CheckResult.fail(label(), "expected the output to be exactly " + expected.size()
                            + " lines; line " + (i + 1) + " was " + got + ", expected " + want);
                }
            }
            return CheckResult.pass(label(), "is exactly the " + expected.size() + " expected lines");
        }).orElseGet(() -> RunChecks.nothingRan(label()));
    }

    static List<String> lines(String output) {
        List<String> lines = new java.util.ArrayList<>(List.of(output.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        lines.replaceAll(line -> line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
        return lines;
    }

    private static String shown(List<String> lines) {
        return lines.isEmpty() ? "none (no output)" : CountRequirement.listed(lines, line -> Excerpt.of(line, 80),
                CountRequirement.SPANS_LISTED, ", ");
    }
}
