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

class GateTest {

    private static final List<TaskRecord> FIVE_OF_TEN = Records.tasks(Runs.SUITE, "gpt-4o", 5, 5, 0);

    @Test
    void passesWithOneLineOfFigures() {
        Verdict verdict = gate(0.5).evaluate(Runs.report(FIVE_OF_TEN));

        assertThat(verdict.passed()).isTrue();
        assertThat(verdict.summaryLine()).isEqualTo("EvalUnit gate passed for model gpt-4o: pass rate 0.50"
                + " (10 tasks, 95% CI 0.24-0.76), 5 passed, 5 failed, 0 errors (minPassRate 0.50, maxErrors 0)");
    }

    @Test
    void failsBelowMinPassRateNamingTheFigureTheThresholdAndTheFailedTasks() {
        Verdict verdict = gate(0.6).evaluate(Runs.report(FIVE_OF_TEN));

        assertThat(verdict.failureMessage()).isEqualTo("EvalUnit gate failed for model gpt-4o: pass rate 0.50"
                + " (10 tasks, 95% CI 0.24-0.76) is below minPassRate 0.60\n"
                + "  failed tasks (5):\n"
                + "    t06 (com.acme.SreEvalTest)\n"
                + "    t07 (com.acme.SreEvalTest)\n"
                + "    t08 (com.acme.SreEvalTest)\n"
                + "    t09 (com.acme.SreEvalTest)\n"
                + "    t10 (com.acme.SreEvalTest)");
    }

    @Test
    void listsTheFirstTenFailedTasksAndCountsTheRest() {
        Verdict verdict = gate(0.9).evaluate(Runs.report(Records.tasks(Runs.SUITE, "gpt-4o", 2, 13, 0)));

        assertThat(verdict.failureMessage()).contains("failed tasks (13):\n    t03 (com.acme.SreEvalTest)")
                .contains("    t12 (com.acme.SreEvalTest)\n    ... and 3 more").doesNotContain("t13");
    }

    @Test
    void comparesTheLowerBoundWhenAsked() {
        GateRules rules = new GateRules(OptionalDouble.of(0.3), 0, List.of(), true, Optional.empty(), 0);

        Verdict verdict = new Gate(rules).evaluate(Runs.report(FIVE_OF_TEN));

        assertThat(verdict.failures()).singleElement().asString().startsWith("EvalUnit gate failed for model gpt-4o:"
                + " pass rate lower bound 0.24 (pass rate 0.50, 10 tasks, 95% CI 0.24-0.76) is below minPassRate 0.30\n");
        assertThat(new Gate(rules).evaluate(Runs.report(Records.tasks(Runs.SUITE, "gpt-4o", 9, 1, 0))).summaryLine())
                .endsWith("(minPassRate 0.30, maxErrors 0, compared by the 95% CI lower bound)");
    }

    @Test
    void showsMoreDecimalsWhenTwoWouldPrintTheFigureEqualToItsThreshold() {
        assertThat(Gate.distinct(0.5996, 0.6)).containsExactly("0.5996", "0.6000");
        assertThat(Gate.distinct(0.5, 0.6)).containsExactly("0.50", "0.60");
    }

    @Test
    void appliesEveryRuleToEachModel() {
        List<TaskRecord> tasks = new ArrayList<>(Records.tasks(Runs.SUITE, "gpt-4o", 9, 1, 0));
        tasks.addAll(Records.tasks(Runs.SUITE, "llama", 4, 6, 0));

        Verdict verdict = gate(0.8).evaluate(Runs.report(tasks));

        assertThat(verdict.failures()).singleElement().asString()
                .startsWith("EvalUnit gate failed for model llama: pass rate 0.40 (10 tasks, 95% CI 0.17-0.69)"
                        + " is below minPassRate 0.80");
    }

    @Test
    void namesEveryModelInThePassingLine() {
        List<TaskRecord> tasks = new ArrayList<>(Records.tasks(Runs.SUITE, "gpt-4o", 9, 1, 0));
        tasks.addAll(Records.tasks(Runs.SUITE, "llama", 8, 2, 0));

        Verdict verdict = gate(0.8).evaluate(Runs.report(tasks));

        assertThat(verdict.summaryLine()).isEqualTo("EvalUnit gate passed: gpt-4o pass rate 0.90 (10 tasks, 95% CI"
                + " 0.60-0.98), 9 passed, 1 failed, 0 errors; llama pass rate 0.80 (10 tasks, 95% CI 0.49-0.94),"
                + " 8 passed, 2 failed, 0 errors (minPassRate 0.80, maxErrors 0)");
    }

    @Test
    void failsOnMoreErrorsThanMaxErrorsListingThem() {
        GateRules rules = new GateRules(OptionalDouble.empty(), 1, List.of(), false, Optional.empty(), 0);

        Verdict verdict = new Gate(rules).evaluate(Runs.report(Records.tasks(Runs.SUITE, "gpt-4o", 6, 2, 2)));

        assertThat(verdict.failureMessage()).isEqualTo("EvalUnit gate failed for model gpt-4o: 2 tasks could not be"
                + " scored (errors), more than maxErrors 1\n"
                + "  errored tasks (2):\n"
                + "    t09 (com.acme.SreEvalTest): ConnectException: Connection refused\n"
                + "    t10 (com.acme.SreEvalTest): ConnectException: Connection refused");
    }

    @Test
    void anyErrorFailsByDefault() {
        GateRules rules = new GateRules(OptionalDouble.empty(), 0, List.of(), false, Optional.empty(), 0);

        assertThat(new Gate(rules).evaluate(Runs.report(Records.tasks(Runs.SUITE, "gpt-4o", 9, 0, 1))).failures())
                .singleElement().asString().contains("1 task could not be scored (errors), more than maxErrors 0");
    }

    @Test
    void cannotPassAPassRateWhenNothingWasScored() {
        Verdict verdict = gate(0.5).evaluate(Runs.report(Records.tasks(Runs.SUITE, "gpt-4o", 0, 0, 3)));

        assertThat(verdict.failures()).first().asString().isEqualTo("EvalUnit gate failed for model gpt-4o: no task"
                + " was scored (3 errored), so its pass rate cannot be compared with minPassRate 0.50");
    }

    @Test
    void failsATagRuleNamingTheTag() {
        List<TaskRecord> tasks = List.of(Records.task(Runs.SUITE, "a", "gpt-4o", TaskOutcome.PASSED, "safety"),
                Records.task(Runs.SUITE, "b", "gpt-4o", TaskOutcome.FAILED, "safety"), Records.task(Runs.SUITE, "c", "gpt-4o", TaskOutcome.FAILED),
                Records.task(Runs.SUITE, "d", "gpt-4o", TaskOutcome.PASSED));
        GateRules rules = new GateRules(OptionalDouble.of(0.5), 0, List.of(new GateRules.TagRule("safety", 1.0)),
                false, Optional.empty(), 0);

        Verdict verdict = new Gate(rules).evaluate(Runs.report(tasks));

        assertThat(verdict.failureMessage()).isEqualTo("EvalUnit gate failed for model gpt-4o: pass rate of tag safety"
                + " 0.50 (2 tasks, 95% CI 0.09-0.91) is below minPassRate 1.00 (rule for tag safety)\n"
                + "  failed tasks tagged safety (1):\n"
                + "    b (com.acme.SreEvalTest)");
    }

    @Test
    void failsATagRuleThatNoTaskCarries() {
        GateRules rules = new GateRules(OptionalDouble.empty(), 0, List.of(new GateRules.TagRule("safety", 1.0)),
                false, Optional.empty(), 0);

        assertThat(new Gate(rules).evaluate(Runs.report(FIVE_OF_TEN)).failureMessage())
                .isEqualTo("EvalUnit gate failed for model gpt-4o: no task is tagged safety, so the minPassRate 1.00"
                        + " of the rule for tag safety cannot be checked");
    }

    @Test
    void failsARegressionAgainstTheBaselineListingTheTasksThatPassedThen() {
        Summary baseline = Summary.of(Records.tasks(Runs.SUITE, "gpt-4o", 8, 2, 0), Optional.empty(), Map.of());
        GateRules rules = new GateRules(OptionalDouble.empty(), 0, List.of(), false,
                Optional.of(new GateRules.Baseline("release-1.0/summary.json", baseline)), 0.1);

        Verdict verdict = new Gate(rules).evaluate(Runs.report(FIVE_OF_TEN));

        assertThat(verdict.failureMessage()).isEqualTo("EvalUnit gate failed for model gpt-4o: pass rate fell from"
                + " 0.80 to 0.50 (10 tasks) against the baseline release-1.0/summary.json, a drop of 0.30, more than"
                + " maxRegression 0.10\n"
                + "  passed in the baseline, fail now (3):\n"
                + "    t06 (com.acme.SreEvalTest)\n"
                + "    t07 (com.acme.SreEvalTest)\n"
                + "    t08 (com.acme.SreEvalTest)");
    }

    @Test
    void allowsADropOfExactlyMaxRegression() {
        // 0.7 - 0.6 is 0.09999999999999998 or 0.10000000000000009 in doubles, depending on the operands.
        Summary baseline = Summary.of(Records.tasks(Runs.SUITE, "gpt-4o", 7, 3, 0), Optional.empty(), Map.of());
        GateRules rules = new GateRules(OptionalDouble.empty(), 0, List.of(), false,
                Optional.of(new GateRules.Baseline("b.json", baseline)), 0.1);

        Verdict verdict = new Gate(rules).evaluate(Runs.report(Records.tasks(Runs.SUITE, "gpt-4o", 6, 4, 0)));

        assertThat(verdict.passed()).isTrue();
        assertThat(verdict.summaryLine()).endsWith("(maxErrors 0, maxRegression 0.10 against b.json)");
    }

    @Test
    void comparesWithTheBaselinesOnlyModelWhenTheNameChanged() {
        Summary baseline = Summary.of(Records.tasks(Runs.SUITE, "gpt-4o-2024", 9, 1, 0), Optional.empty(), Map.of());
        GateRules rules = new GateRules(OptionalDouble.empty(), 0, List.of(), false,
                Optional.of(new GateRules.Baseline("b.json", baseline)), 0.0);

        assertThat(new Gate(rules).evaluate(Runs.report(FIVE_OF_TEN)).failureMessage())
                .startsWith("EvalUnit gate failed for model gpt-4o: pass rate fell from 0.90 to 0.50 (10 tasks)"
                        + " against the baseline b.json, model gpt-4o-2024, a drop of 0.40, more than maxRegression 0.00");
    }

    @Test
    void failsWhenTheBaselineHasSeveralModelsAndNotThisOne() {
        List<TaskRecord> then = new ArrayList<>(Records.tasks(Runs.SUITE, "a", 9, 1, 0));
        then.addAll(Records.tasks(Runs.SUITE, "b", 9, 1, 0));
        GateRules rules = new GateRules(OptionalDouble.empty(), 0, List.of(), false,
                Optional.of(new GateRules.Baseline("b.json", Summary.of(then, Optional.empty(), Map.of()))), 0.0);

        assertThat(new Gate(rules).evaluate(Runs.report(FIVE_OF_TEN)).failureMessage())
                .isEqualTo("EvalUnit gate failed for model gpt-4o: the baseline b.json has no figures for this model"
                        + " (it has a, b)");
    }

    private static Gate gate(double minPassRate) {
        return new Gate(new GateRules(OptionalDouble.of(minPassRate), 0, List.of(), false, Optional.empty(), 0));
    }
}
