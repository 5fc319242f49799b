package com.acme;

import dev.evalunit.junit.EvalSuite;
import dev.evalunit.junit.ModelUnderTest;
import dev.evalunit.model.Agent;

/** Four tasks and a broken file; the model says "right" when the prompt asks for it. */
@EvalSuite("beta")
class BetaEvalTest {

    @ModelUnderTest("echo")
    static final Agent MODEL = context -> context.prompt().contains("(right)") ? "right" : "wrong";
}
