package com.acme;

import dev.evalunit.junit.EvalSuite;

/** A plain task and a code task, run on the oracle (evalunit.model in the POM). */
@EvalSuite("shop")
class ShopEvalTest {
}
