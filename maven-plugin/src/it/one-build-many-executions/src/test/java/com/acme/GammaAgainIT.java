package com.acme;

import dev.evalunit.junit.EvalSuite;
import dev.evalunit.junit.ModelUnderTest;
import dev.evalunit.model.Agent;

/** Run by Failsafe, after Surefire: a later engine execution of the same build. */
@EvalSuite("gamma")
class GammaAgainIT {

    @ModelUnderTest("echo")
    static final Agent MODEL = context -> "right";
}
