package dev.evalunit.code;

import org.apiguardian.api.API;

import dev.evalunit.check.Check;
import dev.evalunit.source.SourcePosition;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * What makes a task a code task: the workspace shown to the model, the reference solution, how
 * the program built from the answer runs, and the checks on that run ({@code expect.run}). Read
 * from a task file by {@link CodeSpecReader}; run by {@link CodeTrial}.
 *
 * @param workspace the workspace's files, path (relative, {@code /}) to content, sorted by path;
 *        never {@code null} nor empty
 * @param reference the files of the reference solution, path to content, when the task has one
 * @param run how the program runs; never {@code null}
 * @param checks the checks of {@code expect.run}, in file order; never {@code null}
 * @param source where the workspace is declared in the task file; never {@code null}
 * @param agent when the task says {@code answer: agent}: the model works in the workspace with
 *        tools instead of answering with whole files
 * @since 0.1.0
 */
@API(status = INTERNAL, since = "0.1.0")
public record CodeSpec(Map<String, String> workspace, Optional<Map<String, String>> reference, RunSpec run,
                       List<Check> checks, SourcePosition source, Optional<AgentSpec> agent) {

    public CodeSpec {
        workspace = sorted(Objects.requireNonNull(workspace, "workspace"));
        if (workspace.isEmpty()) {
            throw new IllegalArgumentException("a workspace needs at least one file");
        }
        reference = Objects.requireNonNull(reference, "reference").map(CodeSpec::sorted);
        Objects.requireNonNull(run, "run");
        checks = List.copyOf(Objects.requireNonNull(checks, "checks"));
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(agent, "agent");
    }

    /** A code task answered with whole files. */
    public CodeSpec(Map<String, String> workspace, Optional<Map<String, String>> reference, RunSpec run,
                    List<Check> checks, SourcePosition source) {
        this(workspace, reference, run, checks, source, Optional.empty());
    }

    /**
     * @param instruction what the task asks, its {@code prompt}; never {@code null}
     * @return the user message a model gets: the instruction, the workspace's files in the answer
     *         format, and the statement of that format
     */
    public String prompt(String instruction) {
        Objects.requireNonNull(instruction, "instruction");
        if (agent.isPresent()) {
            return AgentWorkspace.prompt(instruction, this);
        }
        String example = workspace.keySet().stream().filter(path -> path.endsWith(".java")).findFirst()
                .orElse(workspace.keySet().iterator().next());
        return instruction.stripTrailing() + "\n\n"
                + "The workspace (" + workspace.size() + (workspace.size() == 1 ? " file" : " files") + "):\n\n"
                + AnswerFormat.render(workspace)
                + AnswerFormat.instructions(example);
    }

    /** @return the answer the {@code oracle} gives: the reference's files in the answer format */
    public Optional<String> referenceAnswer() {
        return reference.map(AnswerFormat::render);
    }

    /**
     * @return for an agent task with a reference, what the {@code oracle} does: write each
     *         reference file, run the build, finish
     */
    public Optional<List<AgentWorkspace.Call>> referenceToolCalls() {
        return agent.flatMap(budget -> reference.map(files -> AgentWorkspace.replay(files, budget)));
    }

    /** @return the answer the {@code nop} model gives: the workspace's files unchanged, in the answer format */
    public String unchangedAnswer() {
        return AnswerFormat.render(workspace);
    }

    private static Map<String, String> sorted(Map<String, String> files) {
        return Collections.unmodifiableMap(new TreeMap<>(files));
    }
}
