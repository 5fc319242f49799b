package dev.evalunit.junit;

import org.apiguardian.api.API;

import dev.evalunit.check.Check;
import dev.evalunit.check.CheckResult;
import dev.evalunit.check.Evidence;
import dev.evalunit.check.OutputChecks;
import dev.evalunit.check.SpanExpectation;
import dev.evalunit.run.TrialResult;
import io.opentelemetry.sdk.testing.assertj.TracesAssert;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.AbstractStringAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ListAssert;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

/**
 * Assertions on one trial, built on the same checks as task files, so a failure reads the same:
 * {@code output: expected to contain "Paris", was "…Lyon…"}. Words mean what they mean in AssertJ:
 * {@code outputContainsPattern} finds a regular expression anywhere in the answer, while
 * {@code output().matches(regex)} (AssertJ's own string assertion) needs the whole answer to match;
 * {@link #satisfies(Check...)} runs any checks, judged ones included; {@link #output()},
 * {@link #spans()} and {@link #traces()} navigate to AssertJ's and OpenTelemetry's assertions.
 *
 * @since 0.1.0
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class TrialResultAssert extends AbstractAssert<TrialResultAssert, TrialResult> {

    TrialResultAssert(TrialResult actual) {
        super(actual, TrialResultAssert.class);
    }

    /** @return this, when the answer contains {@code text} */
    public TrialResultAssert outputContains(String text) {
        return satisfies(OutputChecks.contains(text));
    }

    /** @return this, when the answer does not contain {@code text} */
    public TrialResultAssert outputDoesNotContain(String text) {
        return satisfies(OutputChecks.notContains(text));
    }

    /** @return this, when the answer is exactly {@code text} */
    public TrialResultAssert outputIsEqualTo(String text) {
        return satisfies(OutputChecks.equalTo(text));
    }

    /** @return this, when {@code regex} is found somewhere in the answer, as a task file's {@code matches:} */
    public TrialResultAssert outputContainsPattern(String regex) {
        return satisfies(OutputChecks.matches(Pattern.compile(regex)));
    }

    /**
     * @return this, when {@code regex} is found somewhere in the answer
     * @deprecated "matches" means the whole value in AssertJ; use {@link #outputContainsPattern(String)}
     *             (found anywhere, what this did) or {@code output().matches(regex)} (the whole answer)
     */
    @Deprecated(since = "0.2.0", forRemoval = true)
    public TrialResultAssert outputMatches(String regex) {
        return outputContainsPattern(regex);
    }

    /** @return AssertJ's assertions on the trial's answer, e.g. {@code output().startsWith("SEV1")} */
    public AbstractStringAssert<?> output() {
        isNotNull();
        return Assertions.assertThat(actual.output()).as("output of trial %d", actual.trial());
    }

    /**
     * @return AssertJ's assertions on every span the checks saw (the trial's and those a program
     *         exported), e.g. {@code spans().extracting(SpanData::getName).contains("chat gpt-4o")}
     */
    public ListAssert<SpanData> spans() {
        isNotNull();
        return Assertions.assertThat(actual.evidence().spans()).as("spans of trial %d", actual.trial());
    }

    /**
     * @return OpenTelemetry's assertions on the same spans grouped into traces, e.g.
     *         {@code traces().hasTracesSatisfyingExactly(trace -> trace.hasSpansSatisfyingExactly(...))}
     */
    public TracesAssert traces() {
        isNotNull();
        return TracesAssert.assertThat(actual.evidence().spans());
    }

    /** @return this, when the trial's spans meet {@code expectation} */
    public TrialResultAssert hasSpans(SpanExpectation.Builder expectation) {
        return satisfies(expectation.build());
    }

    /**
     * @param checks any checks, e.g. from {@link OutputChecks}, {@link SpanExpectation} or
     *        {@code JudgedChecks} (graded by the suite's judge, as the task's own checks were)
     * @return this, when the trial was scored and every check holds; otherwise fails listing every
     *         failed check
     */
    public TrialResultAssert satisfies(Check... checks) {
        isNotNull();
        failIfNotScored();
        Evidence evidence = actual.evidence();
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

    /**
     * @return this, when the trial was scored and every check holds
     * @deprecated {@code has} is AssertJ's word for a {@code Condition}; use {@link #satisfies(Check...)}
     */
    @Deprecated(since = "0.2.0", forRemoval = true)
    public TrialResultAssert has(Check... checks) {
        return satisfies(checks);
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
