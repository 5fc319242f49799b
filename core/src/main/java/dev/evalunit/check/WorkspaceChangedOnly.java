package dev.evalunit.check;

import java.util.List;

/** Every file the agent created, changed or removed matches one of the globs. */
record WorkspaceChangedOnly(List<Glob> globs) implements Check {

    static final String LABEL = "workspace.changed-only";

    @Override
    public String label() {
        return LABEL;
    }

    @Override
    public CheckResult evaluate(Evidence evidence) {
        return WorkspaceChecks.onChange(evidence, LABEL, change -> {
            List<String> outside = change.changedPaths().stream()
                    .filter(path -> !WorkspaceChecks.matchesAny(globs, path)).toList();
            return outside.isEmpty()
                    ? CheckResult.pass(LABEL, "changed " + change.changedPaths() + ", all within " + globs)
                    : CheckResult.fail(LABEL, "changed " + outside + ", outside " + globs);
        });
    }
}
