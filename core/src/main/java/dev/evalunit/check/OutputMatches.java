package dev.evalunit.check;

import java.util.regex.Pattern;

/** A regular expression is found somewhere in the answer. */
record OutputMatches(Pattern regex) implements Check {

    @Override
    public String label() {
        return OutputChecks.LABEL;
    }

    @Override
    public CheckResult evaluate(Evidence evidence) {
        String shownRegex = "/" + regex.pattern() + "/";
        if (regex.matcher(evidence.output()).find()) {
            return CheckResult.pass(label(), "matches " + shownRegex);
        }
        return CheckResult.fail(label(),
                "expected to match " + shownRegex + ", was " + OutputChecks.shown(evidence.output()));
    }
}
