package dev.evalunit.check;

/** The answer contains a text. */
record OutputContains(String text) implements Check {

    @Override
    public String label() {
        return OutputChecks.LABEL;
    }

    @Override
    public CheckResult evaluate(Evidence evidence) {
        if (evidence.output().contains(text)) {
            return CheckResult.pass(label(), "contains " + Excerpt.quote(text));
        }
        return CheckResult.fail(label(),
                "expected to contain " + Excerpt.quote(text) + ", was " + OutputChecks.shown(evidence.output()));
    }
}
