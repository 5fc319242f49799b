package dev.evalunit.maven;

import dev.evalunit.report.HtmlReport;
import dev.evalunit.report.Prices;
import dev.evalunit.report.ResultsFiles;
import dev.evalunit.report.TaskVerdict;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Writes the HTML report ({@code report.html}) from results already on disk: one run's, or several
 * shards' or modules' merged, with a baseline's newly failing and newly passing tasks when one is
 * given. Runs nothing; the file opens from {@code file://} with no network.
 *
 * @since 0.1.0
 */
@Mojo(name = "report", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true, requiresProject = false)
public class ReportMojo extends ResultsMojo {


    /** A previous run's {@code summary.json} (or its directory): the report lists the tasks newly failing and newly passing. */
    @Parameter(property = "evalunit.baseline")
    private File baseline;

    /** Where to write {@code report.html}. Default: {@code ${project.build.directory}/evalunit}. */
    @Parameter(property = "evalunit.reportOutputDirectory")
    private File outputDirectory;

    /**
     * What each model's tokens cost, {@code MODEL=INPUT/OUTPUT,...} per million tokens, as the run's
     * {@code evalunit.prices}: the report shows each priced model's cost and the run's.
     */
    @Parameter(property = "evalunit.prices")
    private String prices;

    /** Skip the report. */
    @Parameter(property = "evalunit.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoExecutionException {
        if (skip) {
            getLog().info("EvalUnit report skipped (evalunit.skip)");
            return;
        }
        Path defaultDirectory = defaultDirectory();
        MergedReport report = mergedReport();
        Optional<List<TaskVerdict>> baselineVerdicts = Optional.empty();
        if (baseline != null) {
            try {
                baselineVerdicts = Optional.of(ResultsFiles.readSummary(baseline.toPath()).tasks());
            } catch (IOException e) {
                throw new MojoExecutionException("cannot read the baseline (evalunit.baseline) " + baseline + ": "
                        + e.getMessage(), e);
            }
        }
        Prices tokenPrices;
        try {
            tokenPrices = prices == null || prices.isBlank() ? Prices.none() : Prices.parse(prices, "evalunit.prices");
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        Path target = outputDirectory == null ? defaultDirectory : outputDirectory.toPath();
        try {
            Path written = HtmlReport.write(target, report.tasks(), report.summary().suites(), baselineVerdicts,
                    tokenPrices);
            getLog().info("EvalUnit report: " + written + " (" + report.tasks().size() + " tasks from "
                    + directories().size() + (directories().size() == 1 ? " report directory)" : " report directories)"));
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write " + target.resolve(HtmlReport.REPORT_FILE)
                    + " (evalunit.reportOutputDirectory): " + e.getMessage(), e);
        }
    }
}
