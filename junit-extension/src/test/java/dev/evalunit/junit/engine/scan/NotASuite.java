package dev.evalunit.junit.engine.scan;

/** A class without {@code @EvalSuite} next to {@link ScannedSuite}: scans must pass it by. */
public class NotASuite {
}
