package dev.evalunit.junit.engine;

import dev.evalunit.config.Constants;
import dev.evalunit.config.Settings;
import dev.evalunit.model.ModelBinding;
import dev.evalunit.run.TaskRunner;
import org.apiguardian.api.API;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.hierarchical.ForkJoinPoolHierarchicalTestExecutorService;
import org.junit.platform.engine.support.hierarchical.HierarchicalTestEngine;
import org.junit.platform.engine.support.hierarchical.HierarchicalTestExecutorService;
import org.junit.platform.engine.support.hierarchical.ParallelExecutionConfiguration;
import org.junit.platform.engine.support.hierarchical.SameThreadHierarchicalTestExecutorService;

import dev.evalunit.report.Shard;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The EvalUnit test engine (id {@value #ENGINE_ID}): discovers {@code @EvalSuite} classes and
 * task files, and runs every task as a test against the model under test. Registered through
 * {@code META-INF/services}, so the JUnit Platform finds it on the test classpath.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class EvalUnitTestEngine extends HierarchicalTestEngine<EvalUnitExecutionContext> {

    /** The engine's id, the first segment of every unique id: {@code [engine:evalunit]}. */
    public static final String ENGINE_ID = "evalunit";

    static {
        // Before any library that logs is loaded: the engine class is the first of ours the platform touches.
        QuietLibraries.apply();
    }

    @Override
    public String getId() {
        return ENGINE_ID;
    }

    @Override
    public Optional<String> getGroupId() {
        return Optional.of("dev.evalunit");
    }

    @Override
    public Optional<String> getArtifactId() {
        return Optional.of("evalunit-junit");
    }

    @Override
    public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
        EvalUnitEngineDescriptor engine = new EvalUnitEngineDescriptor(uniqueId);
        DiscoverySelectorResolver.resolve(request, engine);
        return engine;
    }

    @Override
    protected HierarchicalTestExecutorService createExecutorService(ExecutionRequest request) {
        int concurrency = concurrency(settings(request));
        return concurrency == 1 ? new SameThreadHierarchicalTestExecutorService()
                : new ForkJoinPoolHierarchicalTestExecutorService(new FixedParallelism(
                        TaskSlots.places(concurrency)));
    }

    @Override
    protected EvalUnitExecutionContext createExecutionContext(ExecutionRequest request) {
        Settings settings = settings(request);
        Supplier<TaskRunner> runner = memoize(() -> {
            // Read here too, so a bad value errors every task instead of quietly running one at a time.
            settings.positiveInt(Constants.CONCURRENCY_PROPERTY_NAME, Constants.CONCURRENCY_DEFAULT);
            return TaskRunner.fromSettings(settings);
        });
        Supplier<Optional<ModelBinding>> configured = memoize(() -> ModelBinding.fromSettings(settings, System::getenv));
        Path reportDirectory = Path.of(settings.get(Constants.REPORT_DIR_PROPERTY_NAME, Constants.REPORT_DIR_DEFAULT));
        Optional<Shard> shard;
        try {
            shard = ShardPlan.from(settings, System::getenv).shard();
        } catch (IllegalArgumentException e) {
            shard = Optional.empty(); // every suite reports it as a test of its own
        }
        boolean resume = Boolean.parseBoolean(settings.get(Constants.RESUME_PROPERTY_NAME, Constants.RESUME_DEFAULT)
                .strip());
        Supplier<String> sandbox = () -> {
            try {
                return runner.get().sandbox(); // parsed once, by the runner
            } catch (RuntimeException e) {
                // Every task errored with why; record the value as given.
                return settings.get(Constants.SANDBOX_PROPERTY_NAME, Constants.SANDBOX_DEFAULT);
            }
        };
        RunReport report = new RunReport(reportDirectory, shard, BuildIdentity.of(settings), resume, sandbox);
        return new EvalUnitExecutionContext(settings, runner, configured, report,
                new TaskSlots(concurrency(settings)), RunMonitor.fromSettings(settings, System.out));
    }

    private static Settings settings(ExecutionRequest request) {
        return Settings.from(request.getConfigurationParameters()::get);
    }

    private static int concurrency(Settings settings) {
        try {
            return settings.positiveInt(Constants.CONCURRENCY_PROPERTY_NAME, Constants.CONCURRENCY_DEFAULT);
        } catch (IllegalArgumentException e) {
            // Every task reports the bad value (see the runner supplier); meanwhile run one at a time.
            return 1;
        }
    }

    /** Computes once, and rethrows the same configuration error to every caller. */
    private static <T> Supplier<T> memoize(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;
            private RuntimeException error;
            private boolean done;

            @Override
            public synchronized T get() {
                if (!done) {
                    try {
                        value = supplier.get();
                    } catch (RuntimeException e) {
                        error = e;
                    }
                    done = true;
                }
                if (error != null) {
                    throw error;
                }
                return value;
            }
        };
    }

    private static final class FixedParallelism implements ParallelExecutionConfiguration {

        private final int parallelism;

        FixedParallelism(int parallelism) {
            this.parallelism = parallelism;
        }

        @Override
        public int getParallelism() {
            return parallelism;
        }

        @Override
        public int getMinimumRunnable() {
            return parallelism;
        }

        @Override
        public int getMaxPoolSize() {
            return parallelism + 256;
        }

        @Override
        public int getCorePoolSize() {
            return parallelism;
        }

        @Override
        public int getKeepAliveSeconds() {
            return 30;
        }
    }
}
