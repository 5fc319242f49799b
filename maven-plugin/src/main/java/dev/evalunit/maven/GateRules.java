package dev.evalunit.maven;

import dev.evalunit.report.Summary;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What the gate checks, for each model.
 *
 * @param minPassRate the lowest pass rate that passes, if one is required
 * @param maxErrors the most tasks that may error
 * @param tagRules the lowest pass rate per tag
 * @param useLowerBound whether pass rates are compared by their Wilson lower bound instead of the point estimate
 * @param baseline a previous run to compare with, if any
 * @param maxRegression how far the pass rate may fall below the baseline's
 * @param regressionRules how else a comparison with the baseline is judged
 */
record GateRules(OptionalDouble minPassRate, int maxErrors, List<TagRule> tagRules, boolean useLowerBound,
        Optional<Baseline> baseline, double maxRegression, RegressionRules regressionRules) {

    GateRules {
        Objects.requireNonNull(minPassRate, "minPassRate");
        tagRules = List.copyOf(Objects.requireNonNull(tagRules, "tagRules"));
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(regressionRules, "regressionRules");
    }

    /** Rules that compare with a baseline by the point drop alone. */
    GateRules(OptionalDouble minPassRate, int maxErrors, List<TagRule> tagRules, boolean useLowerBound,
            Optional<Baseline> baseline, double maxRegression) {
        this(minPassRate, maxErrors, tagRules, useLowerBound, baseline, maxRegression, RegressionRules.POINT_ESTIMATE);
    }

    /**
     * @param tag the tag; never {@code null}
     * @param minPassRate the lowest pass rate of the tasks with that tag that passes
     */
    record TagRule(String tag, double minPassRate) {

        TagRule {
            Objects.requireNonNull(tag, "tag");
        }
    }

    /**
     * @param file where the baseline was read from, for messages; never {@code null}
     * @param summary the baseline run; never {@code null}
     */
    record Baseline(String file, Summary summary) {

        Baseline {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(summary, "summary");
        }
    }
}
