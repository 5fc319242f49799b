package com.acme;

import dev.evalunit.junit.EvalSuite;
import dev.evalunit.junit.ModelUnderTest;
import dev.evalunit.model.Agent;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Five steps, run one at a time. The first time step-3 runs, the fork JVM dies on the spot (as a CI
 * timeout or the OOM killer would kill it); every prompt answered is logged, so the check can tell
 * which steps ran in which build.
 */
@EvalSuite("steps")
class StepsEvalTest {

    @ModelUnderTest("steady")
    static final Agent MODEL = context -> {
        Path target = Path.of("target");
        Files.writeString(target.resolve("answered.log"), context.prompt() + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        Path crashed = target.resolve("crashed-once");
        if (context.prompt().equals("step-3") && !Files.exists(crashed)) {
            Files.createFile(crashed);
            Runtime.getRuntime().halt(137);
        }
        return "done";
    };
}
