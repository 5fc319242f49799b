package dev.evalunit.task;

import org.apiguardian.api.API;

import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.BinomialTest;

import java.util.Locale;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

/**
 * How many of a task's trials must pass for the task to pass: {@code all}, {@code any}, a number,
 * or, adaptively, a success rate: {@code {rate: 0.8, maxTrials: 10}} passes when at least 80% of the
 * trials pass, and runs more trials than {@code trials}, up to {@code maxTrials}, only while the
 * trials so far cannot tell the task's success rate from the threshold.
 *
 * @param required how many trials must pass; {@code 0} stands for "all" (and for an adaptive policy)
 * @param rate the success rate an adaptive policy requires, in (0, 1]; 0 when the policy is not adaptive
 * @param maxTrials the most trials an adaptive policy runs; 0 when the policy is not adaptive
 * @since 0.1.0
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record PassPolicy(int required, double rate, int maxTrials) {

    /** Every trial must pass. */
    public static final PassPolicy ALL = new PassPolicy(0);

    /** One passing trial is enough. */
    public static final PassPolicy ANY = new PassPolicy(1);

    /** The level at which an adaptive policy's trials count as having decided. */
    static final double DECIDED_AT = 0.05;

    public PassPolicy {
        if (required < 0) {
            throw new IllegalArgumentException("required must be 0 (all) or positive: " + required);
        }
        boolean adaptive = rate != 0 || maxTrials != 0;
        if (adaptive && (required != 0 || !(rate > 0 && rate <= 1) || maxTrials < 1)) {
            throw new IllegalArgumentException("an adaptive policy needs a rate in (0, 1] and maxTrials >= 1: rate "
                    + rate + ", maxTrials " + maxTrials);
        }
    }

    /** A policy needing {@code required} passing trials, 0 for all. */
    public PassPolicy(int required) {
        this(required, 0, 0);
    }

    /** @return a policy needing {@code n} passing trials */
    public static PassPolicy atLeast(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be positive: " + n);
        }
        return new PassPolicy(n);
    }

    /**
     * @param rate the success rate required, in (0, 1]
     * @param maxTrials the most trials to run
     * @return an adaptive policy
     */
    public static PassPolicy adaptive(double rate, int maxTrials) {
        return new PassPolicy(0, rate, maxTrials);
    }

    /** @return whether this policy adds trials while undecided */
    public boolean isAdaptive() {
        return maxTrials > 0;
    }

    /**
     * @param passed how many trials passed
     * @param trials how many trials ran
     * @return whether the task passes
     */
    public boolean passes(int passed, int trials) {
        if (isAdaptive()) {
            return passed >= rate * trials - 1e-9;
        }
        return required == 0 ? passed == trials : passed >= required;
    }

    /**
     * Whether an adaptive policy wants another trial: fewer than {@code maxTrials} ran, and the exact
     * binomial test cannot reject "the task's success rate is {@code rate}" at level 0.05, that is,
     * the interval of the success rate (inverted from that test) still straddles the threshold.
     *
     * @param passed how many trials passed so far
     * @param trials how many trials ran so far, at least 1
     * @return whether to run one more; always false for a policy that is not adaptive
     */
    public boolean wantsAnotherTrial(int passed, int trials) {
        if (!isAdaptive() || trials >= maxTrials) {
            return false;
        }
        if (rate == 1) {
            return passed == trials; // one failure decides "fails"; only passes leave it open
        }
        return pValue(passed, trials, rate) >= DECIDED_AT;
    }

    /** @return the two-sided exact binomial p-value of {@code passed} of {@code trials} under success rate {@code rate} */
    static double pValue(int passed, int trials, double rate) {
        return BinomialTest.withDefaults().with(AlternativeHypothesis.TWO_SIDED).test(trials, passed, rate).getPValue();
    }

    /** @return {@code all}, {@code any}, the number, or {@code {rate: 0.8, maxTrials: 10}}, as written in a task file */
    @Override
    public String toString() {
        if (isAdaptive()) {
            return String.format(Locale.ROOT, "{rate: %s, maxTrials: %d}", rate, maxTrials);
        }
        return required == 0 ? "all" : required == 1 ? "any" : Integer.toString(required);
    }
}
