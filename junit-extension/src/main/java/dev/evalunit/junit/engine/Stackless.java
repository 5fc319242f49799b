package dev.evalunit.junit.engine;

/**
 * Takes the engine's own stack frames off what a task throws: for a failed task or a broken file the
 * message is the report, and frames of the engine and the JUnit Platform under it only bury it in
 * the build log. Frames of a cause thrown by the user's own code (an agent) are kept.
 */
final class Stackless {

    private static final StackTraceElement[] NONE = new StackTraceElement[0];

    private Stackless() {
    }

    /** @return {@code thrown}, without its own frames */
    static <T extends Throwable> T of(T thrown) {
        thrown.setStackTrace(NONE);
        return thrown;
    }

    /** @return {@code thrown}, without its frames nor those of its causes: all of them are EvalUnit's */
    static <T extends Throwable> T withCauses(T thrown) {
        for (Throwable current = thrown; current != null; current = current.getCause()) {
            current.setStackTrace(NONE);
            if (current.getCause() == current) {
                break;
            }
        }
        return thrown;
    }
}
