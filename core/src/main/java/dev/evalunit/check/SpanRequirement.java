package dev.evalunit.check;

/** Something that must hold of the spans a {@link SpanExpectation} counts: their number, order or sums. */
interface SpanRequirement {

    /** @return what held, or why it did not */
    Outcome evaluate(Selection selection);

    /** @param message when passed, what held; when failed, what was expected and what was found */
    record Outcome(boolean passed, String message) {

        static Outcome pass(String message) {
            return new Outcome(true, message);
        }

        static Outcome fail(String message) {
            return new Outcome(false, message);
        }
    }
}
