package dev.evalunit.report;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class StatisticsTest {

    private static final double EXACT = 1e-12;

    /*
     * Wilson: p = c/n, z = 1.959963984540054, z² = 3.8414588206941254,
     *   centre = (p + z²/2n) / (1 + z²/n),  half = z·sqrt(p(1-p)/n + z²/4n²) / (1 + z²/n).
     */

    @Test
    void wilsonOfFiveInTenIsCentredOnOneHalf() {
        // p = 0.5: centre = (0.5 + 0.19207294) / 1.38414588 = 0.5 exactly;
        // half = 1.95996398 · sqrt(0.025 + 0.00960365) / 1.38414588 = 1.95996398 · 0.18602056 / 1.38414588 = 0.26340691
        Statistics.Interval interval = Statistics.wilson(5, 10);

        assertThat(interval.low()).isCloseTo(0.2365931, within(1e-7));
        assertThat(interval.high()).isCloseTo(0.7634069, within(1e-7));
        assertThat(interval.low() + interval.high()).isCloseTo(1.0, within(EXACT));
    }

    @Test
    void wilsonOfNoneInTenStartsAtZeroAndIsNotEmpty() {
        // p = 0: centre = half = (z²/2n) / (1 + z²/n), so low = 0 and high = z² / (n + z²) = 3.84145882 / 13.84145882
        Statistics.Interval interval = Statistics.wilson(0, 10);

        assertThat(interval.low()).isEqualTo(0.0);
        assertThat(interval.high()).isCloseTo(0.2775328, within(1e-7));
    }

    @Test
    void wilsonOfAllTenEndsAtOne() {
        // p = 1, by symmetry with 0/10: low = n / (n + z²) = 10 / 13.84145882, high = 1
        Statistics.Interval interval = Statistics.wilson(10, 10);

        assertThat(interval.low()).isCloseTo(0.7224672, within(1e-7));
        assertThat(interval.high()).isEqualTo(1.0);
    }

    @Test
    void wilsonOfEightInTen() {
        // p = 0.8: centre = (0.8 + 0.19207294) / 1.38414588 = 0.71674016;
        // half = 1.95996398 · sqrt(0.016 + 0.00960365) / 1.38414588 = 1.95996398 · 0.16001139 / 1.38414588 = 0.22657768
        Statistics.Interval interval = Statistics.wilson(8, 10);

        assertThat(interval.low()).isCloseTo(0.4901625, within(1e-7));
        assertThat(interval.high()).isCloseTo(0.9433178, within(1e-7));
    }

    @Test
    void wilsonRefusesWhatIsNotAProportion() {
        assertThatThrownBy(() -> Statistics.wilson(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Statistics.wilson(3, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Statistics.wilson(-1, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void passAtKOfTwoPassingInFive() {
        // 1 - C(3,k)/C(5,k):  k=1: 1 - 3/5 = 0.4;  k=2: 1 - 3/10 = 0.7;  k=3: 1 - 1/10 = 0.9;
        // k=4 and k=5: C(3,k) = 0, every draw holds a passing trial, 1.0
        assertThat(Statistics.passAtK(5, 2, 1)).isCloseTo(0.4, within(EXACT));
        assertThat(Statistics.passAtK(5, 2, 2)).isCloseTo(0.7, within(EXACT));
        assertThat(Statistics.passAtK(5, 2, 3)).isCloseTo(0.9, within(EXACT));
        assertThat(Statistics.passAtK(5, 2, 4)).isEqualTo(1.0);
        assertThat(Statistics.passAtK(5, 2, 5)).isEqualTo(1.0);
    }

    @Test
    void passAtKAtTheEdges() {
        // none passed: 1 - C(n,k)/C(n,k) = 0; all passed: 1 - C(0,k)/C(n,k) = 1; k = 1 is the plain rate c/n
        assertThat(Statistics.passAtK(4, 0, 2)).isEqualTo(0.0);
        assertThat(Statistics.passAtK(4, 4, 1)).isEqualTo(1.0);
        assertThat(Statistics.passAtK(10, 3, 1)).isCloseTo(0.3, within(EXACT));
        assertThat(Statistics.passAtK(1, 1, 1)).isEqualTo(1.0);
        assertThat(Statistics.passAtK(1, 0, 1)).isEqualTo(0.0);
    }

    @Test
    void passHatKOfTwoPassingInFive() {
        // C(2,k)/C(5,k):  k=1: 2/5 = 0.4;  k=2: 1/10 = 0.1;  k=3..5: C(2,k) = 0
        assertThat(Statistics.passHatK(5, 2, 1)).isCloseTo(0.4, within(EXACT));
        assertThat(Statistics.passHatK(5, 2, 2)).isCloseTo(0.1, within(EXACT));
        assertThat(Statistics.passHatK(5, 2, 3)).isEqualTo(0.0);
        assertThat(Statistics.passHatK(5, 2, 4)).isEqualTo(0.0);
        assertThat(Statistics.passHatK(5, 2, 5)).isEqualTo(0.0);
    }

    @Test
    void passHatKOfFourPassingInFive() {
        // C(4,k)/C(5,k):  k=1: 4/5;  k=2: 6/10;  k=3: 4/10;  k=4: 1/5;  k=5: 0
        assertThat(Statistics.passHatK(5, 4, 1)).isCloseTo(0.8, within(EXACT));
        assertThat(Statistics.passHatK(5, 4, 2)).isCloseTo(0.6, within(EXACT));
        assertThat(Statistics.passHatK(5, 4, 3)).isCloseTo(0.4, within(EXACT));
        assertThat(Statistics.passHatK(5, 4, 4)).isCloseTo(0.2, within(EXACT));
        assertThat(Statistics.passHatK(5, 4, 5)).isEqualTo(0.0);
        assertThat(Statistics.passHatK(5, 5, 5)).isEqualTo(1.0);
    }

    @Test
    void largeCountsStayFiniteAndMatchExactBinomials() {
        // C(1000, 500) has about 300 digits: a double would overflow, the product form does not.
        int n = 1000;
        int c = 400;
        int k = 500;
        double exactAtK = 1 - ratio(binomial(n - c, k), binomial(n, k));
        double exactHatK = ratio(binomial(c, 100), binomial(n, 100));

        assertThat(Statistics.passAtK(n, c, k)).isCloseTo(exactAtK, within(1e-12));
        assertThat(Statistics.passHatK(n, c, 100)).isCloseTo(exactHatK, within(1e-12)).isPositive();
    }

    @Test
    void passAtKRefusesImpossibleDraws() {
        assertThatThrownBy(() -> Statistics.passAtK(5, 2, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Statistics.passAtK(5, 2, 6)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Statistics.passHatK(5, 6, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Statistics.passHatK(0, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static BigInteger binomial(int n, int k) {
        BigInteger result = BigInteger.ONE;
        for (int i = 0; i < k; i++) {
            result = result.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
        }
        return result;
    }

    private static double ratio(BigInteger numerator, BigInteger denominator) {
        return new java.math.BigDecimal(numerator).divide(new java.math.BigDecimal(denominator),
                java.math.MathContext.DECIMAL128).doubleValue();
    }
}
