package dev.evalunit.check;

import java.util.List;

/** No file matching one of the globs was created, changed or removed. */
record WorkspaceUnchanged(List<Glob> globs) implements Check {

    static final String LABEL = "workspace.unchanged";

    @Override
    public String label() {
        return LABEL;
    }

    @Override
    public CheckResult evaluate(Evidence evidence) {
        return WorkspaceChecks.onChange(evidence, LABEL, change -> {
            List<String> touched = change.changedPaths().stream()
                    .filter(path -> WorkspaceChecks.matchesAny(globs, path)).toList();
            return touched.isEmpty()
                    ? CheckResult.pass(LABEL, "nothing matching " + globs + " changed")
                    : CheckResult.fail(LABEL, "changed " + touched + ", which must stay as they were (" + globs + ")");
        });
    }
}
