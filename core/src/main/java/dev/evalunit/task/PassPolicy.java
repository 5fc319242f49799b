package dev.evalunit.task;

/**
 * How many of a task's trials must pass for the task to pass: {@code all}, {@code any} or a
 * number.
 *
 * @param required how many trials must pass; {@code 0} stands for "all"
 * @since 0.1.0
 */
public record PassPolicy(int required) {

    /** Every trial must pass. */
    public static final PassPolicy ALL = new PassPolicy(0);

    /** One passing trial is enough. */
    public static final PassPolicy ANY = new PassPolicy(1);

    public PassPolicy {
        if (required < 0) {
            throw new IllegalArgumentException("required must be 0 (all) or positive: " + required);
        }
    }

    /** @return a policy needing {@code n} passing trials */
    public static PassPolicy atLeast(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be positive: " + n);
        }
        return new PassPolicy(n);
    }

    /**
     * @param passed how many trials passed
     * @param trials how many trials ran
     * @return whether the task passes
     */
    public boolean passes(int passed, int trials) {
        return required == 0 ? passed == trials : passed >= required;
    }

    /** @return {@code all}, {@code any} or the number, as written in a task file */
    @Override
    public String toString() {
        return required == 0 ? "all" : required == 1 ? "any" : Integer.toString(required);
    }
}
