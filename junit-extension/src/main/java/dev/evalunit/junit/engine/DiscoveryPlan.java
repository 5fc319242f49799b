package dev.evalunit.junit.engine;

import dev.evalunit.config.Settings;
import org.junit.platform.engine.support.discovery.DiscoveryIssueReporter;

/** What every suite needs to know at discovery: the configuration, the shard, where to report issues. */
final class DiscoveryPlan {

    private final Settings settings;
    private final ShardPlan shard;
    private final RuntimeException shardProblem;
    private final DiscoveryIssueReporter issues;
    private final TaskSelection selection;

    DiscoveryPlan(Settings settings, ShardPlan shard, RuntimeException shardProblem, DiscoveryIssueReporter issues) {
        this.settings = settings;
        this.selection = TaskSelection.from(settings);
        this.shard = shard;
        this.shardProblem = shardProblem;
        this.issues = issues;
    }

    static DiscoveryPlan of(Settings settings, DiscoveryIssueReporter issues) {
        try {
            return new DiscoveryPlan(settings, ShardPlan.from(settings, System::getenv), null, issues);
        } catch (IllegalArgumentException e) {
            return new DiscoveryPlan(settings, ShardPlan.none(), e, issues);
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

    DiscoveryIssueReporter issues() {
        return issues;
    }
}
