package dev.evalunit.check;

import java.util.Optional;

/** The change to the workspace is at most so many lines added plus removed. */
record WorkspaceChangeSize(int maxLines) implements Check {

    static final String LABEL = "workspace.max-changed-lines";

    @Override
    public String label() {
        return LABEL;
    }

    @Override
    public CheckResult evaluate(Evidence evidence) {
        Optional<WorkspaceChange> change = evidence.attachment(WorkspaceChange.class);
        if (change.isEmpty()) {
            return WorkspaceChecks.noWorkspace(LABEL);
        }
        int lines = change.get().changedLines();
        if (lines > maxLines) {
            return CheckResult.fail(LABEL, "changed " + lines + " lines (added plus removed), more than " + maxLines
                    + ", in " + change.get().changedPaths());
        }
        return CheckResult.pass(LABEL, "changed " + lines + " lines, at most " + maxLines);
    }
}
