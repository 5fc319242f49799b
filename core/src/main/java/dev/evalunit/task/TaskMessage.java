package dev.evalunit.task;

import org.apiguardian.api.API;

import java.util.Objects;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

/**
 * One message of a task's input conversation.
 *
 * @param role who speaks; never {@code null}
 * @param content what is said; never {@code null}
 * @since 0.1.0
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public record TaskMessage(Role role, String content) {

    /** The speakers a task file may use in {@code messages}. */
    public enum Role {
        /** Instructions to the model: {@code system}. */
        SYSTEM,
        /** The user: {@code user}. */
        USER,
        /** An earlier answer of the model: {@code assistant}. */
        ASSISTANT
    }

    public TaskMessage {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
    }
}
