package com.acme;

import dev.evalunit.junit.EvalSuite;
import dev.evalunit.junit.ModelUnderTest;
import dev.evalunit.model.Agent;

/** Ten incidents; the model under test knows the cause of the even-numbered ones only. */
@EvalSuite("incidents")
class IncidentsEvalTest {

    @ModelUnderTest("half-right")
    static Agent model() {
        return context -> context.prompt().contains("(even)") ? "The cause is memory exhaustion." : "No idea.";
    }
}
