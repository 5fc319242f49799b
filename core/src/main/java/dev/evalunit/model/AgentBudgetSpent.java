package dev.evalunit.model;

import org.apiguardian.api.API;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * Thrown when an agent working in a code task's workspace has spent one of its budgets (tool
 * calls, time, tokens). The trial fails with the message, which says which budget it was; it
 * does not error.
 *
 * @since 0.1.0
 */
@API(status = INTERNAL, since = "0.1.0")
public final class AgentBudgetSpent extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param message which budget was spent, and how much it was; never {@code null} */
    public AgentBudgetSpent(String message) {
        super(message);
    }
}
