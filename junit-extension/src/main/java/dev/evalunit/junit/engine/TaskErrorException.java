package dev.evalunit.junit.engine;

/**
 * A task that could not be scored: the endpoint failed, the model is not wired, the agent threw.
 * Not an assertion error, so Surefire and IDEs count it as an error, apart from failures.
 */
final class TaskErrorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    TaskErrorException(String message, Throwable cause) {
        super(message, cause);
    }
}
