package dev.evalunit.report;

import org.apiguardian.api.API;

import java.util.Objects;
import java.util.Optional;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * One turn of a trial's conversation, as a results file keeps it for people to read: the task's
 * messages, each tool call with its arguments and result, and the final answer. Texts are redacted
 * and cut to a bounded number of characters (4,000, see results-format.md).
 *
 * @param role {@code system}, {@code user}, {@code assistant} or {@code tool}; never {@code null}
 * @param content the text; for a tool call, the tool's result; never {@code null}
 * @param tool for a tool call, the tool's name
 * @param arguments for a tool call, its arguments as the model wrote them
 * @since 0.1.0
 */
@API(status = INTERNAL, since = "0.1.0")
public record MessageRecord(String role, String content, Optional<String> tool, Optional<String> arguments) {

    public MessageRecord {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(arguments, "arguments");
    }
}
