package dev.evalunit.junit.engine;

import dev.evalunit.config.Constants;
import dev.evalunit.report.HtmlReport;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

import java.io.IOException;
import java.util.Optional;

/** The root of the test tree; prints the run's pass rates once every suite has run. */
final class EvalUnitEngineDescriptor extends EngineDescriptor implements Node<EvalUnitExecutionContext> {

    EvalUnitEngineDescriptor(UniqueId uniqueId) {
        super(uniqueId, "EvalUnit");
    }

    @Override
    public void after(EvalUnitExecutionContext context) {
        RunReport report = context.report();
        RunMonitor monitor = context.monitor();
        monitor.close();
        // Written even when nothing printed: a gate must see a run that scored nothing.
        report.finish().ifPresent(summary -> {
            Optional<String> html = htmlReport(context, report);
            StringBuilder text = new StringBuilder(SummaryText.of(report.tasks(), report.directory()));
            text.append(TokenText.of(report.tasks(), monitor.prices()));
            html.ifPresent(line -> text.append(line).append('\n'));
            monitor.cutShort().ifPresent(line -> text.append(line).append('\n'));
            System.out.print(text);
            System.out.flush();
        });
    }

    private static Optional<String> htmlReport(EvalUnitExecutionContext context, RunReport report) {
        try {
            if (!RunMonitor.flag(context.settings(), Constants.HTML_REPORT_PROPERTY_NAME, Constants.HTML_REPORT_DEFAULT)) {
                return Optional.empty();
            }
            return Optional.of("EvalUnit report: " + HtmlReport.write(report.directory(), report.tasks(),
                    report.suiteSizes(), Optional.empty()));
        } catch (IOException | RuntimeException e) {
            return Optional.of("EvalUnit could not write " + report.directory().resolve(HtmlReport.REPORT_FILE) + ": " + e.getMessage());
        }
    }
}
