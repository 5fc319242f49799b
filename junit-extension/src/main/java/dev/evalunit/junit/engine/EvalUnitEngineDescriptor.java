package dev.evalunit.junit.engine;

import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

/** The root of the test tree; prints the run's pass rates once every suite has run. */
final class EvalUnitEngineDescriptor extends EngineDescriptor implements Node<EvalUnitExecutionContext> {

    EvalUnitEngineDescriptor(UniqueId uniqueId) {
        super(uniqueId, "EvalUnit");
    }

    @Override
    public void after(EvalUnitExecutionContext context) {
        RunReport report = context.report();
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
            text.append(SummaryText.of(build.tasks(), report.directory()));
            System.out.print(text);
            System.out.flush();
        });
    }
}
