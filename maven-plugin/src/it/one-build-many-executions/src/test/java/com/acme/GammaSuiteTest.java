package com.acme;

import org.junit.platform.suite.api.SelectClasspathResource;
import org.junit.platform.suite.api.Suite;

/**
 * A JUnit @Suite beside the @EvalSuite classes: another engine execution in the same fork. Its
 * model comes from configuration (the oracle, set in the POM).
 */
@Suite
@SelectClasspathResource("gamma")
class GammaSuiteTest {
}
