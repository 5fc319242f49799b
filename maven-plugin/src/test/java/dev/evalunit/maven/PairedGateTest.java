package dev.evalunit.maven;

import dev.evalunit.report.Records;
import dev.evalunit.report.Summary;
import dev.evalunit.report.TaskRecord;
import dev.evalunit.report.TaskOutcome;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;

/** The gate's rules that rest on the paired comparison with a baseline. */
class PairedGateTest {

    private static final RegressionRules SIGNIFICANCE = new RegressionRules(false, 0.05, true,
            RegressionRules.Bound.ESTIMATE, OptionalDouble.empty(), false);

    @Test
    void failsASignificantDropNamingMcNemarsTestAndTheNewlyFailingTasks() {
        // 40 tasks: 33 passed then, 25 now; the 8 discordant tasks all went one way: p = 2 / 2^8 = 0.0078
        Verdict verdict = gate(run(40, 33), SIGNIFICANCE).evaluate(Runs.report(run(40, 25)));

        assertThat(verdict.failureMessage()).startsWith("EvalUnit gate failed for model gpt-4o: the pass rate fell"
                + " significantly against the baseline b.json: difference -0.20 (95% CI -0.33 to -0.07) over 40 paired"
                + " tasks, McNemar's exact test p = 0.008 < significanceLevel 0.05\n"
                + "  passed in the baseline, fail now (8):\n    t26 (com.acme.SreEvalTest)");
    }

    @Test
    void passesADropThatIsNotSignificantAndSaysTheDataCannotDecide() {
        // 10 tasks, 8 passed then and 7 now: one discordant task, p = 1
        Verdict verdict = gate(run(10, 8), SIGNIFICANCE).evaluate(Runs.report(run(10, 7)));

        assertThat(verdict.passed()).isTrue();
        assertThat(verdict.summaryLine()).endsWith("(maxErrors 0, no significant drop at 0.05 against b.json)");
        assertThat(verdict.notes()).containsExactly("model gpt-4o against the baseline b.json: difference -0.10"
                + " (95% CI -0.33 to +0.13) over 10 paired tasks, McNemar's exact test p = 1.000; 1 newly failing,"
                + " 0 newly passing");
        assertThat(verdict.warnings()).singleElement().asString()
                .startsWith("EvalUnit gate inconclusive for model gpt-4o against the baseline b.json: inconclusive:"
                        + " 10 tasks of 1 trial cannot detect a drop of 0.05 (5 points): at level 0.05 and 80% power the"
                        + " smallest detectable drop is ")
                .contains("tasks, or ").endsWith("decides nothing");
    }

    @Test
    void failsWhatCannotBeDecidedWhenToldTo() {
        RegressionRules strict = new RegressionRules(false, 0.05, true, RegressionRules.Bound.ESTIMATE,
                OptionalDouble.of(0.05), true);

        Verdict verdict = gate(run(10, 8), strict).evaluate(Runs.report(run(10, 8)));

        assertThat(verdict.failureMessage()).startsWith("EvalUnit gate failed for model gpt-4o: inconclusive: 10 tasks"
                + " of 1 trial cannot detect a drop of 0.05").endsWith("(failWhenInconclusive)");
    }

    @Test
    void aSuiteLargeEnoughForTheDropIsNotInconclusive() {
        RegressionRules rules = new RegressionRules(false, 0.05, true, RegressionRules.Bound.ESTIMATE,
                OptionalDouble.of(0.5), true);

        Verdict verdict = gate(run(100, 80), rules).evaluate(Runs.report(run(100, 80)));

        assertThat(verdict.passed()).isTrue();
        assertThat(verdict.warnings()).isEmpty();
    }

    @Test
    void theLowerBoundFailsWhenTheDataCannotShowTheDropIsSmall() {
        // no net change, one task each way among 40: the interval -0.07..0.07 reaches a drop of 0.07 > 0.05
        List<TaskRecord> then = run(40, 30);
        List<TaskRecord> now = new ArrayList<>(then);
        now.set(0, Records.task(Runs.SUITE, "t01", "gpt-4o", TaskOutcome.FAILED));
        now.set(35, Records.task(Runs.SUITE, "t36", "gpt-4o", TaskOutcome.PASSED));
        RegressionRules lower = new RegressionRules(true, 0.05, false, RegressionRules.Bound.LOWER, OptionalDouble.empty(), false);
        RegressionRules upper = new RegressionRules(true, 0.05, false, RegressionRules.Bound.UPPER, OptionalDouble.empty(), false);

        Verdict byLower = gate(then, lower, 0.05).evaluate(Runs.report(now));
        Verdict byUpper = gate(then, upper, 0.05).evaluate(Runs.report(now));

        assertThat(byLower.failureMessage()).startsWith("EvalUnit gate failed for model gpt-4o: the lower bound of the"
                + " paired difference's 95% interval is a drop of 0.07 against the baseline b.json, more than"
                + " maxRegression 0.05 (difference 0.00 (95% CI -0.07 to +0.07) over 40 paired tasks, McNemar's exact"
                + " test p = 1.000)");
        assertThat(byUpper.passed()).isTrue();
        assertThat(byUpper.summaryLine()).contains("maxRegression 0.05 by the interval's upper bound against b.json");
    }

    @Test
    void theUpperBoundFailsOnlyADropTheDataShowIsLarge() {
        RegressionRules upper = new RegressionRules(true, 0.05, false, RegressionRules.Bound.UPPER, OptionalDouble.empty(), false);

        assertThat(gate(run(40, 33), upper, 0.05).evaluate(Runs.report(run(40, 25))).failureMessage())
                .contains("the upper bound of the paired difference's 95% interval is a drop of 0.07");
        assertThat(gate(run(40, 33), upper, 0.10).evaluate(Runs.report(run(40, 25))).passed()).isTrue();
    }

    @Test
    void aBaselineWithNoTaskInCommonCannotBeComparedTaskByTask() {
        List<TaskRecord> other = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            other.add(Records.task(Runs.SUITE, "other-" + i, "gpt-4o", TaskOutcome.PASSED));
        }

        Verdict verdict = gate(other, SIGNIFICANCE).evaluate(Runs.report(run(10, 5)));

        assertThat(verdict.failureMessage()).isEqualTo("EvalUnit gate failed for model gpt-4o: no task was scored both"
                + " now and in the baseline b.json, so there is no paired comparison and the rules that need one"
                + " (failOnSignificantRegression, regressionBound estimate) cannot be checked: compare runs of the same suite");
    }

    private static Gate gate(List<TaskRecord> baseline, RegressionRules rules) {
        return gate(baseline, rules, 0);
    }

    private static Gate gate(List<TaskRecord> baseline, RegressionRules rules, double maxRegression) {
        return new Gate(new GateRules(OptionalDouble.empty(), 0, List.of(), false,
                Optional.of(new GateRules.Baseline("b.json", Summary.of(baseline, Optional.empty(), Map.of()))),
                maxRegression, rules));
    }

    private static List<TaskRecord> run(int tasks, int passed) {
        return Records.tasks(Runs.SUITE, "gpt-4o", passed, tasks - passed, 0);
    }
}
