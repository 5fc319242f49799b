package dev.evalunit.check;

import org.apiguardian.api.API;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

/**
 * One thing a good result must satisfy, evaluated against what a trial produced: its final
 * answer and its spans.
 *
 * <p>A check never throws for a wrong answer: it returns a failed {@link CheckResult} whose
 * message says what was expected and what was found, so one failing check never hides another.
 * Implementations are immutable and safe to share between trials that run at the same time.
 *
 * @since 0.1.0
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public interface Check {

    /**
     * @return what the check is about, as failure messages start, e.g. {@code output} or
     *         {@code spans[2] "execute_tool delete_*"}
     */
    String label();

    /**
     * @param evidence what the trial produced; never {@code null}
     * @return whether the check holds, and why not; never {@code null}
     */
    CheckResult evaluate(Evidence evidence);
}
