package dev.evalunit.check;

/** A workspace file, as the agent left it, contains a text, or does not. */
record WorkspaceFileContains(String path, String text, boolean present) implements Check {

    @Override
    public String label() {
        return "workspace." + (present ? "contains" : "not-contains") + " " + path;
    }

    @Override
    public CheckResult evaluate(Evidence evidence) {
        return WorkspaceChecks.onChange(evidence, label(), change -> {
            String content = change.after().get(path);
            boolean contains = content != null && content.contains(text);
            if (contains == present) {
                return CheckResult.pass(label(), (present ? "contains " : "does not contain ") + Excerpt.of(text));
            }
            if (content == null) {
                return CheckResult.fail(label(), "expected " + path + " to contain " + Excerpt.of(text)
                        + ", but the workspace has no such file");
            }
            return CheckResult.fail(label(), "expected " + path + (present ? " to contain " : " not to contain ")
                    + Excerpt.of(text) + ", but it " + (present ? "does not" : "does"));
        });
    }
}
