package dev.evalunit.maven;

import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * How the gate judges a comparison with a baseline, beyond the point drop against {@code maxRegression}.
 *
 * @param limitDrop whether {@code maxRegression} is a rule; off when only a significant drop fails
 * @param significanceLevel the two-sided level of the paired test and of the planner, in (0, 1)
 * @param failOnSignificantDrop fail when the pass rate fell and the paired test says so at {@code significanceLevel}
 * @param bound which figure of the difference is compared with {@code maxRegression}; never {@code null}
 * @param detectableDrop the drop the comparison should be able to detect; when it cannot, the gate says
 *        "inconclusive"; empty for {@code maxRegression} when that is above 0, else 0.05
 * @param failWhenInconclusive fail, instead of warning, when the comparison cannot detect {@code detectableDrop}
 */
record RegressionRules(boolean limitDrop, double significanceLevel, boolean failOnSignificantDrop, Bound bound, OptionalDouble detectableDrop,
        boolean failWhenInconclusive) {

    /** What the gate did before there were paired tests: the point estimate, no test. */
    static final RegressionRules POINT_ESTIMATE = new RegressionRules(true, 0.05, false, Bound.ESTIMATE, OptionalDouble.empty(),
            false);

    RegressionRules {
        if (!(significanceLevel > 0 && significanceLevel < 1)) {
            throw new IllegalArgumentException("significanceLevel is in (0, 1), e.g. 0.05: " + significanceLevel);
        }
        Objects.requireNonNull(bound, "bound");
        Objects.requireNonNull(detectableDrop, "detectableDrop");
    }

    /** @return the drop the comparison should detect, given {@code maxRegression} */
    double detectableDrop(double maxRegression) {
        return detectableDrop.orElse(maxRegression > 0 ? maxRegression : 0.05);
    }

    /** Which figure of the paired difference (candidate - baseline) a drop is read from. */
    enum Bound {
        /** The observed difference: the gate of earlier versions. */
        ESTIMATE,
        /** The lower end of the 95% interval, the worst drop the data allow: the drop must be shown to be small. */
        LOWER,
        /** The upper end, the mildest drop the data allow: the drop must be shown to be large. */
        UPPER;

        /**
         * @param text {@code estimate}, {@code lower} or {@code upper}, any case
         * @return the bound
         * @throws IllegalArgumentException for anything else
         */
        static Bound parse(String text) {
            for (Bound bound : values()) {
                if (bound.name().equalsIgnoreCase(text.strip())) {
                    return bound;
                }
            }
            throw new IllegalArgumentException("regressionBound is estimate, lower or upper: " + text);
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
