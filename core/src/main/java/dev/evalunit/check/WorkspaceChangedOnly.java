package dev.evalunit.check;

import java.util.List;
import java.util.Optional;

/** Every file the agent created, changed or removed matches one of the globs. */
record WorkspaceChangedOnly(List<Glob> globs) implements Check {

    static final String LABEL = "workspace.changed-only";

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
        List<String> outside = change.get().changedPaths().stream()
                .filter(path -> !WorkspaceChecks.matchesAny(globs, path)).toList();
        if (!outside.isEmpty()) {
            return CheckResult.fail(LABEL, "changed " + outside + ", outside " + globs);
        }
        return CheckResult.pass(LABEL, "changed " + change.get().changedPaths() + ", all within " + globs);
    }
}
