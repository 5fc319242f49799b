package dev.evalunit.check;

/** The run's output contains a text, or does not. */
record RunOutputContains(String text, boolean wanted) implements Check {

    static final String LABEL = "run.output";

    @Override
    public String label() {
        return LABEL;
    }

    @Override
    public CheckResult evaluate(Evidence evidence) {
        return evidence.attachment(RunOutcome.class).map(run -> {
            String output = run.output();
            int at = output.indexOf(text);
            if (wanted) {
                return at >= 0 ? CheckResult.pass(LABEL, "contains " + Excerpt.quote(text))
                        : CheckResult.fail(LABEL, "expected to contain " + Excerpt.quote(text) + ", was "
                                + shown(output));
            }
            return at < 0 ? CheckResult.pass(LABEL, "does not contain " + Excerpt.quote(text))
                    : CheckResult.fail(LABEL, "expected not to contain " + Excerpt.quote(text) + ", found in "
                            + Excerpt.around(output, at, at + text.length()));
        }).orElseGet(() -> RunChecks.nothingRan(LABEL));
    }

    private static String shown(String output) {
        return output.isEmpty() ? "\"\" (no output)" : Excerpt.of(output);
    }
}
