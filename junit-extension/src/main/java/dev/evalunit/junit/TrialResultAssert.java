package dev.evalunit.junit;

import dev.evalunit.check.Check;
import dev.evalunit.check.CheckResult;
import dev.evalunit.check.Evidence;
import dev.evalunit.check.OutputChecks;
import dev.evalunit.check.SpanExpectation;
import dev.evalunit.run.TrialResult;
import org.assertj.core.api.AbstractAssert;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Assertions on one trial, built on the same checks as task files, so a failure reads the same:
 * {@code output: expected to contain "Paris", was "…Lyon…"}.
 *
 * @since 0.1.0
 */
public final class TrialResultAssert extends AbstractAssert<TrialResultAssert, TrialResult> {

    TrialResultAssert(TrialResult actual) {
        super(actual, TrialResultAssert.class);
    }

    /** @return this, when the answer contains {@code text} */
    public TrialResultAssert outputContains(String text) {
        return has(OutputChecks.contains(text));
    }

    /** @return this, when the answer does not contain {@code text} */
    public TrialResultAssert outputDoesNotContain(String text) {
        return has(OutputChecks.notContains(text));
    }

    /** @return this, when the answer is exactly {@code text} */
    public TrialResultAssert outputIsEqualTo(String text) {
        return has(OutputChecks.equalTo(text));
    }

    /** @return this, when {@code regex} is found in the answer */
    public TrialResultAssert outputMatches(String regex) {
        return has(OutputChecks.matches(Pattern.compile(regex)));
    }

    /** @return this, when the trial's spans meet {@code expectation} */
    public TrialResultAssert hasSpans(SpanExpectation.Builder expectation) {
        return has(expectation.build());
    }

    /**
     * @param checks any checks, e.g. from {@link OutputChecks} or {@link SpanExpectation}
     * @return this, when the trial was scored and every check holds; otherwise fails listing every
     *         failed check
     */
    public TrialResultAssert has(Check... checks) {
        isNotNull();
        failIfNotScored();
        Evidence evidence = new Evidence(actual.output(), actual.spans());
        List<CheckResult> failed = new ArrayList<>();
        for (Check check : checks) {
            CheckResult result = check.evaluate(evidence);
            if (!result.passed()) {
                failed.add(result);
            }
        }
        if (!failed.isEmpty()) {
            failWithMessage("%s", failed.stream().map(CheckResult::toString).collect(Collectors.joining("\n")));
        }
        return this;
    }

    /** @return this, when the trial was scored and every check of its task held */
    public TrialResultAssert passed() {
        isNotNull();
        failIfNotScored();
        if (!actual.passed()) {
            failWithMessage("%s", actual.failedChecks().stream().map(CheckResult::toString)
                    .collect(Collectors.joining("\n")));
        }
        return this;
    }

    /** @throws NotScoredException (an error, not a failure) when the trial could not be scored */
    private void failIfNotScored() {
        if (actual.error().isPresent()) {
            throw new NotScoredException("the trial could not be scored: " + actual.errorDescription().orElseThrow(),
                    actual.error().get());
        }
        if (actual.failure().isPresent()) {
            failWithMessage("the trial failed: %s", actual.failure().get());
        }
    }
}
