package dev.evalunit.check;

import java.util.List;
import java.util.Optional;

/** No file matching one of the globs was created, changed or removed. */
record WorkspaceUnchanged(List<Glob> globs) implements Check {

    static final String LABEL = "workspace.unchanged";

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
        List<String> touched = change.get().changedPaths().stream()
                .filter(path -> WorkspaceChecks.matchesAny(globs, path)).toList();
        if (!touched.isEmpty()) {
            return CheckResult.fail(LABEL, "changed " + touched + ", which must stay as they were (" + globs + ")");
        }
        return CheckResult.pass(LABEL, "nothing matching " + globs + " changed");
    }
}
