package dev.evalunit.junit.engine;

import dev.evalunit.model.ModelBinding;
import dev.evalunit.task.LoadedFile;
import dev.evalunit.task.SourcePosition;
import dev.evalunit.task.Task;
import org.junit.platform.engine.DiscoveryIssue;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.discovery.DiscoveryIssueReporter;
import org.junit.platform.engine.support.hierarchical.Node;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A suite: the task files under one location, declared by an {@code @EvalSuite} class or selected
 * as a resource, file or directory. Binds the model under test before its tasks run.
 *
 * <p>The files are loaded once, at discovery; children are created on demand from their unique
 * ids, so a rerun of one task loads the suite but runs that task alone.
 */
final class SuiteDescriptor extends AbstractTestDescriptor implements Node<EvalUnitExecutionContext> {

    private final Optional<Class<?>> suiteClass;
    private final Map<String, Task> tasks = new LinkedHashMap<>();
    private final Map<String, ProblemSpec> problems = new LinkedHashMap<>();

    private SuiteDescriptor(UniqueId uniqueId, String displayName, TestSource source, Optional<Class<?>> suiteClass) {
        super(uniqueId, displayName, source);
        this.suiteClass = suiteClass;
    }

    /** A problem child, kept as data so it can be recreated from its unique id. */
    private static final class ProblemSpec {
        final String displayName;
        final TestSource source;
        final RuntimeException problem;

        ProblemSpec(String displayName, TestSource source, RuntimeException problem) {
            this.displayName = displayName;
            this.source = source;
            this.problem = problem;
        }
    }

    /**
     * @param location how to find the task files; loading errors become problem children
     */
    static SuiteDescriptor create(UniqueId uniqueId, String displayName, TestSource source,
            Optional<Class<?>> suiteClass, SuiteLocation location, DiscoveryIssueReporter issues) {
        SuiteDescriptor suite = new SuiteDescriptor(uniqueId, displayName, source, suiteClass);
        List<LoadedFile> files;
        try {
            files = location.load();
        } catch (RuntimeException e) {
            suite.problems.put(location.description(), new ProblemSpec(location.description(), source, e));
            issues.reportIssue(DiscoveryIssue.builder(DiscoveryIssue.Severity.WARNING, e.getMessage()).source(source));
            return suite;
        }
        for (LoadedFile file : files) {
            if (file.error().isPresent()) {
                SourcePosition at = file.error().get().position();
                suite.problems.put(at.path(), new ProblemSpec(at.path(), Sources.of(at), file.error().get()));
                // Also a discovery warning: a tag filter drops the problem's test, but the log still shows it.
                issues.reportIssue(DiscoveryIssue.builder(DiscoveryIssue.Severity.WARNING,
                        file.error().get().getMessage()).source(Sources.of(at)));
            } else {
                for (Task task : file.file().orElseThrow().tasks()) {
                    suite.tasks.put(task.id(), task);
                }
            }
        }
        return suite;
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }

    /** Surefire's XML takes the class name from here: the suite class's full name, as for Jupiter classes. */
    @Override
    public String getLegacyReportingName() {
        return suiteClass.map(Class::getName).orElseGet(this::getDisplayName);
    }

    /** @return a unique-id selector for every task and problem, in file order */
    Set<DiscoverySelector> childSelectors() {
        Set<DiscoverySelector> selectors = new LinkedHashSet<>();
        for (String path : problems.keySet()) {
            selectors.add(DiscoverySelectors.selectUniqueId(getUniqueId().append(problemSegment(path), path)));
        }
        for (String id : tasks.keySet()) {
            selectors.add(DiscoverySelectors.selectUniqueId(getUniqueId().append(Segments.TASK, id)));
        }
        return selectors;
    }

    private String problemSegment(String key) {
        ProblemSpec spec = problems.get(key);
        return spec.problem instanceof dev.evalunit.task.TaskFileException ? Segments.FILE : Segments.LOCATION;
    }

    /** @return the child with {@code childId}, when this suite has it */
    Optional<TestDescriptor> createChild(UniqueId childId) {
        UniqueId.Segment last = childId.getLastSegment();
        if (last.getType().equals(Segments.TASK)) {
            Task task = tasks.get(last.getValue());
            return Optional.ofNullable(task).map(found -> new TaskDescriptor(childId, found, getDisplayName()));
        }
        ProblemSpec spec = problems.get(last.getValue());
        if (spec == null || !last.getType().equals(problemSegment(last.getValue()))) {
            return Optional.empty();
        }
        return Optional.of(new ProblemDescriptor(childId, spec.displayName, spec.source, spec.problem));
    }

    @Override
    public EvalUnitExecutionContext before(EvalUnitExecutionContext context) {
        ModelBinding model = suiteClass
                .map(type -> ModelMembers.resolve(type, context::configuredModel))
                .orElseGet(() -> configuredOrUnconfigured(context));
        return context.withModel(model);
    }

    private ModelBinding configuredOrUnconfigured(EvalUnitExecutionContext context) {
        try {
            return context.configuredModel().orElseGet(() -> ModelBinding.unconfigured(
                    "No model to test for " + getDisplayName() + ": task files selected without an @EvalSuite class"
                            + " take the model from configuration; set " + dev.evalunit.config.Constants.MODEL_PROPERTY_NAME
                            + " to openai, oracle or nop (e.g. -Devalunit.model=oracle)"));
        } catch (IllegalArgumentException e) {
            return ModelBinding.unconfigured(e.getMessage());
        }
    }
}
