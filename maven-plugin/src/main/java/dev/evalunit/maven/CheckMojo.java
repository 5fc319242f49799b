package dev.evalunit.maven;

import dev.evalunit.report.ResultsFiles;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The release gate: reads the EvalUnit results of this build (or of several, merged) and fails the
 * build when, for any model, the pass rate is below {@code minPassRate}, more tasks errored than
 * {@code maxErrors}, a tag's pass rate is below its rule, or the pass rate fell by more than
 * {@code maxRegression} against a baseline. Against a baseline it also pairs the tasks of both runs
 * (McNemar's exact test, or the clustered paired t test with several trials): it can fail a drop that
 * is significant ({@code failOnSignificantRegression}), read the drop from the paired interval's bound
 * ({@code regressionBound}), and says when the suite is too small to decide ({@code detectableDrop}).
 * Missing or unreadable results are an error, never a pass.
 *
 * <p>Per-task failures are honest test failures: run Surefire with {@code testFailureIgnore=true}
 * and let this goal decide, as {@code jacoco:check} does for coverage.
 *
 * @since 0.1.0
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends ResultsMojo {

    /** The lowest pass rate (passed / (passed + failed), from 0 to 1) that passes, for each model. None by default. */
    @Parameter(property = "evalunit.minPassRate")
    private Double minPassRate;

    /** The most tasks, per model, that may error (could not be scored). */
    @Parameter(property = "evalunit.maxErrors", defaultValue = "0")
    private int maxErrors;

    /** Per-tag minimum pass rates, each applied to each model: {@code <rule><tag>safety</tag><minPassRate>1.0</minPassRate></rule>}. */
    @Parameter
    private List<Rule> rules;

    /** Compare the lower bound of the pass rate's 95% Wilson interval with the thresholds, instead of the pass rate itself. */
    @Parameter(property = "evalunit.useLowerBound", defaultValue = "false")
    private boolean useLowerBound;

    /** A previous run's {@code summary.json} (or the directory holding it) to compare the pass rate with. */
    @Parameter(property = "evalunit.baseline")
    private File baseline;

    /** How far the pass rate may fall below the baseline's, from 0 to 1; 0 (no drop at all) when a baseline is set and this is not. */
    @Parameter(property = "evalunit.maxRegression")
    private Double maxRegression;

    /**
     * Fail when the pass rate fell against the baseline and the paired test (McNemar's exact test with one
     * trial per task, the clustered paired t test with more) says so at {@code significanceLevel}. With this
     * set and no {@code maxRegression}, a drop that is not significant passes.
     */
    @Parameter(property = "evalunit.failOnSignificantRegression", defaultValue = "false")
    private boolean failOnSignificantRegression;

    /** The two-sided level of the paired test and of the planner, in (0, 1). */
    @Parameter(property = "evalunit.significanceLevel", defaultValue = "0.05")
    private double significanceLevel;

    /**
     * Which figure of the paired difference is compared with {@code maxRegression}: {@code estimate} (the
     * drop seen), {@code lower} (the worst drop the 95% interval allows: the data must show the drop is
     * small) or {@code upper} (the mildest: the data must show the drop is large).
     */
    @Parameter(property = "evalunit.regressionBound", defaultValue = "estimate")
    private String regressionBound;

    /**
     * The drop a comparison with the baseline should be able to detect at 80% power; when it cannot, the
     * gate says it is inconclusive. Default: {@code maxRegression} when above 0, else 0.05.
     */
    @Parameter(property = "evalunit.detectableDrop")
    private Double detectableDrop;

    /** Fail, instead of warning, when the comparison with the baseline cannot detect {@code detectableDrop}. */
    @Parameter(property = "evalunit.failWhenInconclusive", defaultValue = "false")
    private boolean failWhenInconclusive;


    /**
     * Refuse results whose code tasks ran unconfined ({@code evalunit.sandbox=none}) or whose
     * {@code summary.json} does not say where they ran.
     */
    @Parameter(property = "evalunit.requireSandbox", defaultValue = "false")
    private boolean requireSandbox;

    /** Skip the check. */
    @Parameter(property = "evalunit.skip", defaultValue = "false")
    private boolean skip;

    /** Surefire's own switch: when the tests did not run there are no results to gate. */
    @Parameter(property = "skipTests", defaultValue = "false")
    private boolean skipTests;

    /** Maven's switch that skips compiling and running the tests. */
    @Parameter(property = "maven.test.skip", defaultValue = "false")
    private boolean testSkip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("EvalUnit gate skipped (evalunit.skip)");
            return;
        }
        if (skipTests || testSkip) {
            // Not a pass: nothing was scored. Said loudly, so a release job that skips tests by mistake shows it.
            getLog().warn("EvalUnit gate skipped: the tests were skipped (" + (skipTests ? "skipTests" : "maven.test.skip")
                    + "), so there are no results to gate");
            return;
        }
        GateRules gateRules = rules();
        MergedReport report = mergedReport();
        if (requireSandbox) {
            Optional<String> refusal;
            try {
                refusal = SandboxRequirement.refusal(directories());
            } catch (IOException e) {
                throw new MojoExecutionException("cannot read summary.json for requireSandbox: " + e.getMessage(), e);
            }
            if (refusal.isPresent()) {
                throw new MojoFailureException(refusal.get());
            }
        }
        Verdict verdict = new Gate(gateRules).evaluate(report);
        verdict.notes().forEach(note -> getLog().info("EvalUnit " + note));
        verdict.warnings().forEach(warning -> getLog().warn(warning));
        if (!verdict.passed()) {
            throw new MojoFailureException(verdict.failureMessage());
        }
        getLog().info(verdict.summaryLine());
    }


    private GateRules rules() throws MojoExecutionException {
        if (minPassRate != null) {
            rate("minPassRate", minPassRate);
        }
        if (maxErrors < 0) {
            throw new MojoExecutionException("maxErrors must be 0 or more: " + maxErrors);
        }
        List<GateRules.TagRule> tagRules = new ArrayList<>();
        List<Rule> configured = rules == null ? List.of() : rules;
        for (int i = 0; i < configured.size(); i++) {
            Rule rule = configured.get(i);
            if (rule.getTag() == null || rule.getTag().isBlank() || rule.getMinPassRate() == null) {
                throw new MojoExecutionException("rules[" + i + "] needs a <tag> and a <minPassRate>: " + rule);
            }
            tagRules.add(new GateRules.TagRule(rule.getTag().strip(), rate("minPassRate of the rule for tag "
                    + rule.getTag(), rule.getMinPassRate())));
        }
        Optional<GateRules.Baseline> baselineRun = Optional.empty();
        if (baseline != null) {
            try {
                baselineRun = Optional.of(new GateRules.Baseline(baseline.toString(),
                        ResultsFiles.readSummary(baseline.toPath())));
            } catch (IOException e) {
                throw new MojoExecutionException("cannot read the baseline (evalunit.baseline) " + baseline + ": "
                        + e.getMessage(), e);
            }
        } else if (maxRegression != null) {
            getLog().warn("maxRegression is set but no baseline: it has nothing to compare with");
        }
        double regression = maxRegression == null ? 0.0 : rate("maxRegression", maxRegression);
        return new GateRules(minPassRate == null ? OptionalDouble.empty() : OptionalDouble.of(minPassRate), maxErrors,
                tagRules, useLowerBound, baselineRun, regression, regressionRules());
    }

    private RegressionRules regressionRules() throws MojoExecutionException {
        if (!(significanceLevel > 0 && significanceLevel < 1)) {
            throw new MojoExecutionException("significanceLevel is a level in (0, 1), e.g. 0.05: " + significanceLevel);
        }
        RegressionRules.Bound bound;
        try {
            bound = RegressionRules.Bound.parse(regressionBound == null ? "estimate" : regressionBound);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage() + " (evalunit.regressionBound)", e);
        }
        if (detectableDrop != null && !(detectableDrop > 0 && detectableDrop <= 1)) {
            throw new MojoExecutionException("detectableDrop is a drop in pass rate in (0, 1], e.g. 0.05: " + detectableDrop);
        }
        boolean limitDrop = maxRegression != null || !failOnSignificantRegression;
        return new RegressionRules(limitDrop, significanceLevel, failOnSignificantRegression, bound,
                detectableDrop == null ? OptionalDouble.empty() : OptionalDouble.of(detectableDrop), failWhenInconclusive);
    }

    private static double rate(String name, double value) throws MojoExecutionException {
        if (!(value >= 0 && value <= 1)) {
            throw new MojoExecutionException(name + " is a rate from 0 to 1 (0.9 for 90%): " + value);
        }
        return value;
    }
}
