package dev.evalunit.model;

import org.apiguardian.api.API;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

/**
 * Thrown when a trial makes more tool calls than {@code evalunit.max-tool-calls} allows. The
 * trial fails (the model looped), it does not error.
 *
 * @since 0.1.0
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class ToolCallLimitExceeded extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @param limit the limit that was passed */
    public ToolCallLimitExceeded(int limit) {
        super("made more than " + limit + " tool calls and was stopped; a model that keeps calling tools"
                + " never answers (raise evalunit.max-tool-calls if the task really needs more)");
    }
}
