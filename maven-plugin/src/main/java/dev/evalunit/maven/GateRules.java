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
 */
record GateRules(OptionalDouble minPassRate, int maxErrors, List<TagRule> tagRules, boolean useLowerBound,
        Optional<Baseline> baseline, double maxRegression) {

    GateRules {
        Objects.requireNonNull(minPassRate, "minPassRate");
        tagRules = List.copyOf(Objects.requireNonNull(tagRules, "tagRules"));
        Objects.requireNonNull(baseline, "baseline");
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
