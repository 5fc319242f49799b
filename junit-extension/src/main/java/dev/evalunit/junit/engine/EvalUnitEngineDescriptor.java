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
        report.finish().ifPresent(summary -> {
            System.out.print(SummaryText.of(report.tasks(), report.directory()));
            System.out.flush();
        });
    }
}
