package dev.evalunit.junit.engine;

import org.junit.platform.engine.TestDescriptor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The problems found at discovery (a broken task file, bad items of a file, a bad setting), kept
 * until the run starts. Each is reported once: by its own erroring test, or, when a filter (a tag
 * filter, say) removed every test of it, by a warning at the start of the run, so a
 * filter can never hide a broken file.
 *
 * <p>Why not a JUnit {@code DiscoveryIssue}: the JUnit Platform (1.14) logs an engine's non-critical
 * issues when tests are only discovered and again after they are executed, and Surefire does both
 * in the same JVM, so each issue showed twice on the console besides its own erroring test.
 * Discovery cannot tell which tests a post-discovery filter removes; the run can.
 */
final class DiscoveredProblems {

    private record Problem(String message, Set<RuntimeException> causes) {
    }

    private final List<Problem> problems = Collections.synchronizedList(new ArrayList<>());

    /**
     * @param message what to print when none of the problem's tests runs, saying where and what to fix
     * @param causes the exceptions its tests ({@link ProblemDescriptor}s) error with
     */
    void add(String message, Collection<? extends RuntimeException> causes) {
        Set<RuntimeException> identities = Collections.newSetFromMap(new IdentityHashMap<>());
        identities.addAll(causes);
        problems.add(new Problem(message, identities));
    }

    /** @return the message of each problem none of whose tests is left under {@code root}, in discovery order */
    List<String> withoutTests(TestDescriptor root) {
        Set<RuntimeException> tested = Collections.newSetFromMap(new IdentityHashMap<>());
        collect(root, tested);
        List<String> messages = new ArrayList<>();
        synchronized (problems) {
            for (Problem problem : problems) {
                if (problem.causes().stream().noneMatch(tested::contains) && !messages.contains(problem.message())) {
                    messages.add(problem.message());
                }
            }
        }
        return messages;
    }

    private static void collect(TestDescriptor descriptor, Set<RuntimeException> tested) {
        if (descriptor instanceof ProblemDescriptor problem) {
            tested.add(problem.problem());
        }
        descriptor.getChildren().forEach(child -> collect(child, tested));
    }
}
