package dev.evalunit.junit.engine;

import dev.evalunit.config.Constants;
import dev.evalunit.model.ModelBinding;
import dev.evalunit.task.LoadedFile;
import dev.evalunit.source.SourcePosition;
import dev.evalunit.task.Task;
import dev.evalunit.task.TaskFile;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.hierarchical.Node;

import java.lang.reflect.Member;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import dev.evalunit.junit.ModelMembers;
import dev.evalunit.junit.GraderMembers;

/**
 * A suite: the task files under one location, declared by an {@code @EvalSuite} class or selected
 * as a resource, file or directory. Binds the model under test before its tasks run; with several
 * models, a {@link ModelDescriptor} per model sits between the suite and its tasks.
 *
 * <p>A file of one task is a test of the suite (or of the model); a file that holds several tasks
 * (a task list, a dataset) is a {@link TaskFileDescriptor} with a test per item.
 *
 * <p>The files are loaded once, at discovery; children are created on demand from their unique
 * ids, so a rerun of one task loads the suite but runs that task alone. Tasks of other shards are
 * left out of the tree, and so is a file none of whose items this shard owns.
 */
final class SuiteDescriptor extends AbstractTestDescriptor implements Node<EvalUnitExecutionContext> {

    private final Optional<Class<?>> suiteClass;
    private final String reportName;
    private final ModelPlan models;
    private final ShardPlan shard;
    private final Map<String, Task> tasks = new LinkedHashMap<>();
    private final Map<String, Map<String, TaskFile.Item>> files = new LinkedHashMap<>();
    private final Map<String, TestSource> fileSources = new LinkedHashMap<>();
    /** Tasks and files, as the segment that names each, in file order. */
    private final List<UniqueId.Segment> order = new ArrayList<>();
    private final Map<String, ProblemSpec> problems = new LinkedHashMap<>();
    private int unshardedSize;

    private SuiteDescriptor(UniqueId uniqueId, String displayName, TestSource source, Optional<Class<?>> suiteClass,
            String reportName, ModelPlan models, ShardPlan shard) {
        super(uniqueId, displayName, source);
        this.suiteClass = suiteClass;
        this.reportName = reportName;
        this.models = models;
        this.shard = shard;
    }

    /** A problem child, kept as data so it can be recreated from its unique id. */
    private static final class ProblemSpec {
        final String segment;
        final String displayName;
        final TestSource source;
        final RuntimeException problem;

        ProblemSpec(String segment, String displayName, TestSource source, RuntimeException problem) {
            this.segment = segment;
            this.displayName = displayName;
            this.source = source;
            this.problem = problem;
        }
    }

    /**
     * @param reportName how results files name the suite: the class name, or the location
     * @param location how to find the task files; loading errors become problem children
     */
    static SuiteDescriptor create(UniqueId uniqueId, String displayName, TestSource source,
            Optional<Class<?>> suiteClass, String reportName, SuiteLocation location, DiscoveryPlan plan) {
        ModelPlan models;
        RuntimeException modelProblem = null;
        try {
            models = ModelPlan.of(suiteClass, plan.settings());
        } catch (IllegalArgumentException e) {
            models = ModelPlan.single();
            modelProblem = e;
        }
        SuiteDescriptor suite = new SuiteDescriptor(uniqueId, displayName, source, suiteClass, reportName, models,
                plan.shard());
        if (plan.shardProblem() != null) {
            suite.addProblem(Segments.LOCATION, Constants.SHARD_PROPERTY_NAME, source, plan.shardProblem(), plan);
            return suite;
        }
        if (modelProblem != null) {
            suite.addProblem(Segments.LOCATION, "@ModelUnderTest", source, modelProblem, plan);
        }
        List<LoadedFile> files;
        try {
            files = location.load();
        } catch (RuntimeException e) {
            suite.addProblem(Segments.LOCATION, location.description(), source, e, plan);
            return suite;
        }
        for (LoadedFile file : files) {
            if (file.error().isPresent()) {
                SourcePosition at = file.error().get().position();
                String path = file.document().path();
                suite.unshardedSize++;
                if (suite.shard.owns(reportName + "/" + path)
                        && selectsFile(plan.selection(), reportName, path)) {
                    suite.addProblem(Segments.FILE, path, Sources.of(at), file.error().get(), plan);
                }
            } else if (file.file().orElseThrow().holdsMany()) {
                suite.addFile(file.document().path(), file.file().get(), plan);
            } else {
                Task task = file.file().get().tasks().get(0);
                suite.unshardedSize++;
                if (suite.shard.owns(reportName + "/" + task.id()) && plan.selection().includes(reportName, task.id())) {
                    suite.tasks.put(task.id(), task);
                    suite.order.add(UniqueId.root(Segments.TASK, task.id()).getLastSegment());
                }
            }
        }
        return suite;
    }

    /**
     * A broken file has no task id to match; its path stands in, without the extension, whole or
     * from any folder down ({@code sre/tools/bad.yaml} is selected by {@code tools/*}).
     */
    private static boolean selectsFile(TaskSelection selection, String suite, String path) {
        String name = path.replaceFirst("\\.(yaml|yml)$", "");
        while (!selection.includes(suite, name)) {
            int slash = name.indexOf('/');
            if (slash < 0) {
                return false;
            }
            name = name.substring(slash + 1);
        }
        return true;
    }

    /** Adds a file of several tasks, with the items this shard owns; none owned, no container. */
    private void addFile(String path, TaskFile file, DiscoveryPlan plan) {
        Map<String, TaskFile.Item> owned = new LinkedHashMap<>();
        List<TaskFile.Item> problems = new ArrayList<>();
        for (TaskFile.Item item : file.items()) {
            unshardedSize++;
            if (shard.owns(reportName + "/" + item.id()) && plan.selection().includes(reportName, item.id())) {
                owned.put(item.id(), item);
                item.problem().ifPresent(problem -> problems.add(item));
            }
        }
        if (!problems.isEmpty()) {
            // One warning a file, not one a row, and only if a filter drops every bad row's test.
            TaskFile.Item first = problems.get(0);
            plan.problems().add(path + ": " + problems.size() + (problems.size() == 1 ? " item" : " items")
                    + " could not be loaded, each a failing test; the first: " + first.problem().get().getMessage(),
                    problems.stream().map(item -> item.problem().get()).toList());
        }
        if (!owned.isEmpty()) {
            files.put(path, owned);
            fileSources.put(path, Sources.of(file.source()));
            order.add(UniqueId.root(Segments.TASKS, path).getLastSegment());
        }
    }

    private void addProblem(String segment, String name, TestSource at, RuntimeException problem, DiscoveryPlan plan) {
        problems.put(name, new ProblemSpec(segment, name, at, problem));
        // A warning too if a filter drops the problem's test: the log still shows it.
        plan.problems().add(String.valueOf(problem.getMessage()), List.of(problem));
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

    String reportName() {
        return reportName;
    }

    ModelPlan models() {
        return models;
    }

    /** @return a unique-id selector for every child: problems first, then models or tasks, in file order */
    Set<DiscoverySelector> childSelectors() {
        Set<DiscoverySelector> selectors = new LinkedHashSet<>();
        if (models.isMultiple()) {
            // A broken file is an error of each model, as each task is a test per model: one count everywhere.
            for (String model : models.names()) {
                selectors.add(DiscoverySelectors.selectUniqueId(getUniqueId().append(Segments.MODEL, model)));
            }
        } else {
            selectors.addAll(problemSelectors(getUniqueId()));
            selectors.addAll(taskSelectors(getUniqueId()));
        }
        return selectors;
    }

    /** @return a selector for every problem (a broken file, a bad setting) under {@code parent} */
    Set<DiscoverySelector> problemSelectors(UniqueId parent) {
        Set<DiscoverySelector> selectors = new LinkedHashSet<>();
        for (ProblemSpec problem : problems.values()) {
            selectors.add(DiscoverySelectors.selectUniqueId(parent.append(problem.segment, problem.displayName)));
        }
        return selectors;
    }

    /** @return a selector for every task and every file of several tasks, under {@code parent}, in file order */
    Set<DiscoverySelector> taskSelectors(UniqueId parent) {
        Set<DiscoverySelector> selectors = new LinkedHashSet<>();
        for (UniqueId.Segment child : order) {
            selectors.add(DiscoverySelectors.selectUniqueId(parent.append(child)));
        }
        return selectors;
    }

    /** @return the child with {@code childId}, when this suite has it */
    Optional<TestDescriptor> createChild(UniqueId childId) {
        UniqueId.Segment last = childId.getLastSegment();
        if (last.getType().equals(Segments.MODEL)) {
            return models.names().contains(last.getValue())
                    ? Optional.of(new ModelDescriptor(childId, last.getValue(), this))
                    : Optional.empty();
        }
        if (last.getType().equals(Segments.TASK)) {
            return models.isMultiple() ? Optional.empty() : createTask(childId, Optional.empty());
        }
        if (last.getType().equals(Segments.TASKS)) {
            return models.isMultiple() ? Optional.empty() : createFile(childId, Optional.empty());
        }
        return models.isMultiple() ? Optional.empty() : createProblem(childId, Optional.empty());
    }

    /** @return the problem named by the last segment of {@code problemId}, as an error of {@code model} when given */
    Optional<TestDescriptor> createProblem(UniqueId problemId, Optional<String> model) {
        UniqueId.Segment last = problemId.getLastSegment();
        ProblemSpec spec = problems.get(last.getValue());
        if (spec == null || !last.getType().equals(spec.segment)) {
            return Optional.empty();
        }
        String displayName = model.map(name -> spec.displayName + " [" + name + "]").orElse(spec.displayName);
        return Optional.of(new ProblemDescriptor(problemId, displayName, spec.displayName, spec.source, spec.problem,
                reportName, spec.displayName));
    }

    /**
     * @return the file of several tasks named by the last segment of {@code fileId}, its items run
     *         against {@code model} when given
     */
    Optional<TestDescriptor> createFile(UniqueId fileId, Optional<String> model) {
        String path = fileId.getLastSegment().getValue();
        Map<String, TaskFile.Item> items = files.get(path);
        return Optional.ofNullable(items).map(found -> new TaskFileDescriptor(fileId, path, fileSources.get(path),
                found, reportName, getLegacyReportingName(), model));
    }

    /** @return the task named by the last segment of {@code taskId}, run against {@code model} when given */
    Optional<TestDescriptor> createTask(UniqueId taskId, Optional<String> model) {
        Task task = tasks.get(taskId.getLastSegment().getValue());
        return Optional.ofNullable(task).map(found -> new TaskDescriptor(taskId, found, reportName, model));
    }

    @Override
    public EvalUnitExecutionContext before(EvalUnitExecutionContext suiteContext) {
        suiteContext.report().suiteSize(reportName, unshardedSize);
        EvalUnitExecutionContext context = suiteContext.withGraders(GraderMembers.resolve(suiteClass,
                suiteContext.settings()));
        if (models.isMultiple()) {
            return context.withModelNames(models.names());
        }
        ModelBinding model = suiteClass
                .map(type -> ModelMembers.resolve(type, context::configuredModel))
                .orElseGet(() -> configuredOrUnconfigured(context));
        context.monitor().plan(model.name(), TaskCount.of(this));
        return context.withModel(model);
    }

    @Override
    public void after(EvalUnitExecutionContext context) {
        context.monitor().printProgress();
    }

    /** @return the binding of one of several models, by the name discovery gave it */
    ModelBinding bindModel(String name, EvalUnitExecutionContext context) {
        Optional<Member> member = models.member(name);
        if (member.isPresent() && suiteClass.isPresent()) {
            return ModelMembers.resolveMember(suiteClass.get(), member.get(), name);
        }
        try {
            return context.configuredModel(name).orElseGet(() -> ModelBinding.unconfigured("no model named " + name));
        } catch (IllegalArgumentException e) {
            return ModelBinding.unconfigured(e.getMessage());
        }
    }

    private ModelBinding configuredOrUnconfigured(EvalUnitExecutionContext context) {
        try {
            return context.configuredModel().orElseGet(() -> ModelBinding.unconfigured(
                    "No model to test for " + getDisplayName() + ": task files selected without an @EvalSuite class"
                            + " take the model from configuration; set " + Constants.MODEL_PROPERTY_NAME
                            + " to openai, oracle or nop (e.g. -Devalunit.model=oracle)"));
        } catch (IllegalArgumentException e) {
            return ModelBinding.unconfigured(e.getMessage());
        }
    }
}
