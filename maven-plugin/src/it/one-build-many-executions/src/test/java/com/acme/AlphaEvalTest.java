package com.acme;

import dev.evalunit.junit.EvalSuite;
import dev.evalunit.junit.ModelUnderTest;
import dev.evalunit.model.Agent;

/** Three tasks; the model says "right" when the prompt asks for it. */
@EvalSuite("alpha")
class AlphaEvalTest {

    @ModelUnderTest("echo")
    static final Agent MODEL = context -> context.prompt().contains("(right)") ? "right" : "wrong";
}
