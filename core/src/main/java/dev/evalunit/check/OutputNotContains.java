package dev.evalunit.check;

/** The answer does not contain a text. */
record OutputNotContains(String text) implements Check {

    @Override
    public String label() {
        return OutputChecks.LABEL;
    }

    @Override
    public CheckResult evaluate(Evidence evidence) {
        String output = evidence.output();
        int offset = output.indexOf(text);
        if (offset < 0) {
            return CheckResult.pass(label(), "does not contain " + Excerpt.quote(text));
        }
        return CheckResult.fail(label(), "expected not to contain " + Excerpt.quote(text) + ", found it at offset "
                + offset + " in " + Excerpt.around(output, offset, offset + text.length()));
    }
}
