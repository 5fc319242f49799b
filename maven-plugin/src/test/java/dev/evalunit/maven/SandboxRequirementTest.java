package dev.evalunit.maven;

import dev.evalunit.report.Records;
import dev.evalunit.report.ResultsFiles;
import dev.evalunit.report.Summary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxRequirementTest {

    @TempDir
    Path dir;

    private Path report(String name, Optional<String> sandbox) throws Exception {
        Path report = Files.createDirectories(dir.resolve(name));
        Summary summary = Summary.of(Records.tasks(Runs.SUITE, "gpt-4o", 2, 0, 0), Optional.empty(), Map.of());
        ResultsFiles.writeSummary(report, sandbox.map(summary::withSandbox).orElse(summary));
        return report;
    }

    @Test
    void acceptsRunsWhoseCodeRanInTheSandbox() throws Exception {
        assertThat(SandboxRequirement.refusal(List.of(report("a", Optional.of("bubblewrap"))))).isEmpty();
    }

    @Test
    void refusesARunThatRanUnconfinedOrDoesNotSay() throws Exception {
        Optional<String> refusal = SandboxRequirement.refusal(List.of(report("a", Optional.of("bubblewrap")),
                report("b", Optional.of("none")), report("c", Optional.empty())));

        assertThat(refusal).hasValueSatisfying(message -> assertThat(message)
                .startsWith("EvalUnit gate refused: requireSandbox is set, but code tasks did not run in a sandbox")
                .contains("b/summary.json: sandbox none").contains("c/summary.json: sandbox (not recorded)")
                .doesNotContain("a/summary.json"));
    }
}
