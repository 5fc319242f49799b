package dev.evalunit.check;

/** The answer is exactly a text. */
record OutputEquals(String text) implements Check {

    @Override
    public String label() {
        return OutputChecks.LABEL;
    }

    @Override
    public CheckResult evaluate(Evidence evidence) {
        String output = evidence.output();
        if (output.equals(text)) {
            return CheckResult.pass(label(), "equals " + Excerpt.of(text));
        }
        String message = "expected to equal " + Excerpt.of(text) + ", was " + OutputChecks.shown(output);
        // Where they part is what the eye misses in two long, nearly equal texts.
        if (!output.isEmpty() && !text.isEmpty()) {
            message += " (first difference at index " + firstDifference(output, text) + ")";
        }
        return CheckResult.fail(label(), message);
    }

    private static int firstDifference(String a, String b) {
        int common = Math.min(a.length(), b.length());
        for (int i = 0; i < common; i++) {
            if (a.charAt(i) != b.charAt(i)) {
                return i;
            }
        }
        return common;
    }
}
