package dev.evalunit.junit.engine;

import dev.evalunit.config.Settings;

/** What every suite needs to know at discovery: the configuration, the shard, where to keep its problems. */
final class DiscoveryPlan {

    private final Settings settings;
    private final ShardPlan shard;
    private final RuntimeException shardProblem;
    private final DiscoveredProblems problems;
    private final TaskSelection selection;

    DiscoveryPlan(Settings settings, ShardPlan shard, RuntimeException shardProblem, DiscoveredProblems problems) {
        this.settings = settings;
        this.selection = TaskSelection.from(settings);
        this.shard = shard;
        this.shardProblem = shardProblem;
        this.problems = problems;
    }

    static DiscoveryPlan of(Settings settings, DiscoveredProblems problems) {
        try {
            return new DiscoveryPlan(settings, ShardPlan.from(settings, System::getenv), null, problems);
        } catch (IllegalArgumentException e) {
            return new DiscoveryPlan(settings, ShardPlan.none(), e, problems);
        }
    }

    Settings settings() {
        return settings;
    }

    ShardPlan shard() {
        return shard;
    }

    /** @return the sharding configuration's problem, reported as a test of every suite, or null */
    RuntimeException shardProblem() {
        return shardProblem;
    }

    /** @return the tasks evalunit.tasks selects */
    TaskSelection selection() {
        return selection;
    }

    /** @return where the problems found go, to be reported once the run knows which tests a filter removed */
    DiscoveredProblems problems() {
        return problems;
    }
}
