package dev.evalunit.junit.engine.scan;

import dev.evalunit.junit.EvalSuite;

/**
 * The one {@code @EvalSuite} class of this package, so package and classpath-root scans in
 * {@code SelectorResolutionTest} know exactly what they should find. Not named like a test: a
 * build runs it only through those scans.
 */
@EvalSuite("engine/discovery")
public class ScannedSuite {
}
