package dev.evalunit.run;

/**
 * A trial stopped by the run's default deadline ({@code evalunit.timeout}) while a model call was
 * still unanswered: the trial could not be scored, so it is an error, not a failure.
 */
final class TrialDeadlineException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    TrialDeadlineException(String message) {
        super(message);
    }
}
