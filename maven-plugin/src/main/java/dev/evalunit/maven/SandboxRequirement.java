package dev.evalunit.maven;

import dev.evalunit.report.ResultsFiles;
import dev.evalunit.report.Summary;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The gate's {@code requireSandbox}: every report directory's {@code summary.json} must say its
 * code tasks ran in a sandbox. A run with {@code evalunit.sandbox=none} let the scored code touch
 * the machine (and so, possibly, its own results), and a summary that does not say is not proof.
 */
final class SandboxRequirement {

    private SandboxRequirement() {
    }

    /** @return why the gate refuses these directories, if it does */
    static Optional<String> refusal(List<Path> directories) throws IOException {
        List<String> unconfined = new ArrayList<>();
        for (Path directory : directories) {
            Summary summary = ResultsFiles.readSummary(directory);
            String sandbox = summary.sandbox().orElse("(not recorded)");
            if (!sandbox.equals("bubblewrap")) {
                unconfined.add(directory.resolve(ResultsFiles.SUMMARY_FILE) + ": sandbox " + sandbox);
            }
        }
        if (unconfined.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("EvalUnit gate refused: requireSandbox is set, but code tasks did not run in a sandbox ("
                + String.join("; ", unconfined) + "). Run the tests with the default evalunit.sandbox=bubblewrap"
                + " (install bubblewrap), or drop requireSandbox if running unconfined was meant.");
    }
}
