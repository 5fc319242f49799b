package dev.evalunit.run;

import org.apiguardian.api.API;

import dev.evalunit.task.Task;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * A hash of a task as it was run, so that a resumed run skips a task only when neither its file
 * nor its input changed. It covers the bytes of the task file (checks, reference, pass policy,
 * timeout: everything written there) and the task as assembled (messages, tools, reference,
 * checks, tags), which also catches a change in a dataset file or in folder defaults.
 *
 * @since 0.1.0
 */
@API(status = INTERNAL, since = "0.1.0")
public final class TaskVersion {

    private TaskVersion() {
    }

    /**
     * @param task a task as loaded; never {@code null}
     * @return the task's version; empty for a code task (its workspace lies beside the file and is
     *         not hashed, so it is always run again) or when the task file cannot be read
     */
    public static Optional<String> of(Task task) {
        if (task.code().isPresent()) {
            return Optional.empty();
        }
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        try (InputStream file = task.source().uri().toURL().openStream()) {
            digest.update(file.readAllBytes());
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty(); // unknown, so never taken for unchanged
        }
        String input = task.id() + "\n" + task.messages() + "\n" + task.tools() + "\n" + task.reference() + "\n"
                + task.checks() + "\n" + task.tags() + "\n" + task.trials() + " " + task.pass() + " " + task.timeout();
        digest.update(input.getBytes(StandardCharsets.UTF_8));
        return Optional.of(HexFormat.of().formatHex(digest.digest()));
    }
}
