package dev.evalunit.junit;

import org.apiguardian.api.API;

import dev.evalunit.run.TaskResult;
import dev.evalunit.run.TrialResult;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

/**
 * Entry point of EvalUnit's fluent assertions, AssertJ style:
 * {@code assertThat(eval.ask("...")).outputContains("Paris").has(SpanExpectation.named("chat *").build())}.
 *
 * @since 0.1.0
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class EvalAssertions {

    private EvalAssertions() {
    }

    /** @return assertions on one trial's answer and spans */
    public static TrialResultAssert assertThat(TrialResult actual) {
        return new TrialResultAssert(actual);
    }

    /** @return assertions on a task's verdict */
    public static TaskResultAssert assertThat(TaskResult actual) {
        return new TaskResultAssert(actual);
    }
}
