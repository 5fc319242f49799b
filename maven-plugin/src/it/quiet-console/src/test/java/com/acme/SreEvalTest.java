package com.acme;

import dev.evalunit.junit.EvalSuite;
import dev.evalunit.junit.ModelUnderTest;
import dev.evalunit.model.Agent;

/** Two models over the same tasks: one knows about memory, the other knows nothing. */
@EvalSuite("sre")
class SreEvalTest {

    @ModelUnderTest("knows-memory")
    static Agent knowsMemory() {
        return context -> "The cause is memory exhaustion: the pod was OOMKilled.";
    }

    @ModelUnderTest("knows-nothing")
    static Agent knowsNothing() {
        return context -> "No idea.";
    }
}
