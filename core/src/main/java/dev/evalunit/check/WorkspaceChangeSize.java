package dev.evalunit.check;

/** The change to the workspace is at most so many lines added plus removed. */
record WorkspaceChangeSize(int maxLines) implements Check {

    static final String LABEL = "workspace.max-changed-lines";

    @Override
    public String label() {
        return LABEL;
    }

    @Override
    public CheckResult evaluate(Evidence evidence) {
        return WorkspaceChecks.onChange(evidence, LABEL, change -> {
            int lines = change.changedLines();
            return lines > maxLines
                    ? CheckResult.fail(LABEL, "changed " + lines + " lines (added plus removed), more than "
                            + maxLines + ", in " + change.changedPaths())
                    : CheckResult.pass(LABEL, "changed " + lines + " lines, at most " + maxLines);
        });
    }
}
