package com.acme;

import dev.evalunit.junit.EvalSuite;
import dev.evalunit.junit.ModelUnderTest;
import dev.evalunit.model.Agent;

/** Three tasks and a broken file; the model repeats the prompt, so every task passes. */
@EvalSuite("sre")
class SreEvalTest {

    @ModelUnderTest("parrot")
    static final Agent MODEL = context -> context.prompt();
}
