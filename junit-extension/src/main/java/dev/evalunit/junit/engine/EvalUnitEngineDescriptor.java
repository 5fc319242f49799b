package dev.evalunit.junit.engine;

import dev.evalunit.config.Constants;
import dev.evalunit.report.HtmlReport;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

import java.io.IOException;
import java.util.Optional;

/**
 * The root of the test tree; says at the start which problems a filter left without a test, and
 * prints the run's pass rates once every suite has run.
 */
final class EvalUnitEngineDescriptor extends EngineDescriptor implements Node<EvalUnitExecutionContext> {

    private final DiscoveredProblems problems = new DiscoveredProblems();

    EvalUnitEngineDescriptor(UniqueId uniqueId) {
        super(uniqueId, "EvalUnit");
    }

    /** @return the problems discovery found, for the suites to add to */
    DiscoveredProblems problems() {
        return problems;
    }

    @Override
    public EvalUnitExecutionContext before(EvalUnitExecutionContext context) {
        StringBuilder text = new StringBuilder();
        problems.withoutTests(this).forEach(message -> text.append("EvalUnit warning: ").append(message)
                .append(" (a filter left out its test, so it is reported here)\n"));
        if (!text.isEmpty()) {
            System.out.print(text);
            System.out.flush();
        }
        return context;
    }

    @Override
    public void after(EvalUnitExecutionContext context) {
        RunReport report = context.report();
        RunMonitor monitor = context.monitor();
        monitor.close();
        // Written even when nothing printed: a gate must see a run that scored nothing.
        report.finish().ifPresent(build -> {
            StringBuilder text = new StringBuilder();
            report.warnings().forEach(warning -> text.append("EvalUnit warning: ").append(warning).append('\n'));
            build.warnings().forEach(warning -> text.append("EvalUnit warning: ").append(warning).append('\n'));
            if (build.tasks().size() != report.recorded()) {
                // Several engine executions share the build's results: say that these figures are the build's.
                text.append("EvalUnit: this execution ran ").append(report.recorded()).append(report.recorded() == 1
                        ? " task" : " tasks").append("; the figures below are the whole build's so far\n");
            }
            Optional<String> html = htmlReport(context, report, build, monitor.prices());
            text.append(SummaryText.of(build.tasks(), report.directory()));
            text.append(TokenText.of(build.tasks(), monitor.prices()));
            html.ifPresent(line -> text.append(line).append('\n'));
            monitor.cutShort().ifPresent(line -> text.append(line).append('\n'));
            System.out.print(text);
            System.out.flush();
        });
    }

    private static Optional<String> htmlReport(EvalUnitExecutionContext context, RunReport report,
            dev.evalunit.report.BuildResults.Build build, dev.evalunit.report.Prices prices) {
        try {
            if (!RunMonitor.flag(context.settings(), Constants.HTML_REPORT_PROPERTY_NAME, Constants.HTML_REPORT_DEFAULT)) {
                return Optional.empty();
            }
            return Optional.of("EvalUnit report: " + HtmlReport.write(report.directory(), build.tasks(),
                    report.suiteSizes(), Optional.empty(), prices, report.directory(), build.occurrences()));
        } catch (IOException | RuntimeException e) {
            return Optional.of("EvalUnit could not write " + report.directory().resolve(HtmlReport.REPORT_FILE) + ": " + e.getMessage());
        }
    }
}
