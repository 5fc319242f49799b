package dev.evalunit.judge;

import dev.evalunit.check.Check;
import dev.evalunit.check.CheckResult;
import dev.evalunit.check.CheckUnscorableException;
import dev.evalunit.check.Evidence;

/**
 * The answer meets a rubric, in the judgement of the suite's judge model, by a majority of
 * {@code samples} verdicts. The message gives the verdict and the judge's reason.
 */
record JudgeCheck(String rubric, int samples) implements Check {

    static final String NOT_ATTACHED = "this trial carries no judge: judge checks need EvalUnit's task runner,"
            + " which gives them the suite's judge (a @JudgeModel member of the suite class, or "
            + "evalunit.judge=openai)";

    @Override
    public String label() {
        return JudgedChecks.LABEL;
    }

    @Override
    public CheckResult evaluate(Evidence evidence) {
        JudgeContext context = evidence.attachment(JudgeContext.class)
                .orElseThrow(() -> new CheckUnscorableException(label(), NOT_ATTACHED));
        Judgement judgement = context.judge().grade(context, rubric, evidence.output(), samples, label());
        String verdict = judgement.passed() ? "pass" : "fail";
        if (samples > 1) {
            verdict += " by " + judgement.passes() + " of " + samples + " samples passing";
        }
        String message = "judge " + judgement.judge() + ": " + verdict + ", "
                + Quoted.of(judgement.reasons(), Quoted.LONG) + " (rubric " + Quoted.of(rubric, Quoted.SHORT) + ")";
        return judgement.passed() ? CheckResult.pass(label(), message) : CheckResult.fail(label(), message);
    }
}
