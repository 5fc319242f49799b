package dev.evalunit.report;

import org.apiguardian.api.API;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * The estimates a pass rate is reported with: the Wilson score interval of a proportion, and the
 * unbiased pass@k and pass^k estimators over repeated trials. Formulas are in
 * {@code docs/results-format.md}.
 *
 * @since 0.1.0
 */
@API(status = INTERNAL, since = "0.1.0")
public final class Statistics {

    /** The normal quantile for a two-sided 95% interval, &Phi;<sup>-1</sup>(0.975). */
    public static final double Z_95 = 1.959963984540054;

    private Statistics() {
    }

    /**
     * A confidence interval of a proportion, within [0, 1].
     *
     * @param low the lower bound
     * @param high the upper bound
     * @since 0.1.0
     */
    public record Interval(double low, double high) {

        public Interval {
            if (!(0 <= low && low <= high && high <= 1)) {
                throw new IllegalArgumentException("not an interval within [0, 1]: " + low + ".." + high);
            }
        }
    }

    /**
     * The 95% Wilson score interval of {@code passed} successes out of {@code n}. Unlike the normal
     * approximation it stays inside [0, 1] and is not zero-width at 0/n or n/n, which matters for
     * the small suites evaluations often have.
     *
     * @param passed successes, {@code 0 <= passed <= n}
     * @param n trials, at least 1
     * @return the interval
     */
    public static Interval wilson(int passed, int n) {
        if (n < 1 || passed < 0 || passed > n) {
            throw new IllegalArgumentException("need 0 <= passed <= n and n >= 1: passed " + passed + ", n " + n);
        }
        double p = (double) passed / n;
        double z2 = Z_95 * Z_95;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double halfWidth = Z_95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
        // At 0/n and n/n one bound is 0 or 1 exactly; rounding must not push it outside [0, 1].
        double low = passed == 0 ? 0 : Math.max(0, centre - halfWidth);
        double high = passed == n ? 1 : Math.min(1, centre + halfWidth);
        return new Interval(low, high);
    }

    /**
     * The unbiased estimate of pass@k, the chance that at least one of k trials drawn without
     * replacement from a task's n trials passed: 1 - C(n-c, k) / C(n, k), computed as
     * 1 - &prod;<sub>i=n-c+1..n</sub> (1 - k/i) so that no binomial coefficient is formed.
     *
     * @param n trials run, at least 1
     * @param c trials that passed, {@code 0 <= c <= n}
     * @param k trials drawn, {@code 1 <= k <= n}
     * @return the estimate, in [0, 1]
     */
    public static double passAtK(int n, int c, int k) {
        check(n, c, k);
        if (n - c < k) {
            return 1.0; // every draw of k includes a passing trial
        }
        double allFail = 1.0;
        for (int i = n - c + 1; i <= n; i++) {
            allFail *= 1.0 - (double) k / i;
        }
        return 1.0 - allFail;
    }

    /**
     * The unbiased estimate of pass^k, the chance that all of k trials drawn without replacement
     * from a task's n trials passed: C(c, k) / C(n, k), computed as &prod;<sub>i=0..k-1</sub> (c-i)/(n-i).
     *
     * @param n trials run, at least 1
     * @param c trials that passed, {@code 0 <= c <= n}
     * @param k trials drawn, {@code 1 <= k <= n}
     * @return the estimate, in [0, 1]
     */
    public static double passHatK(int n, int c, int k) {
        check(n, c, k);
        if (c < k) {
            return 0.0;
        }
        double allPass = 1.0;
        for (int i = 0; i < k; i++) {
            allPass *= (double) (c - i) / (n - i);
        }
        return allPass;
    }

    private static void check(int n, int c, int k) {
        if (n < 1 || c < 0 || c > n || k < 1 || k > n) {
            throw new IllegalArgumentException("need n >= 1, 0 <= c <= n and 1 <= k <= n: n " + n + ", c " + c + ", k " + k);
        }
    }
}
