package dev.evalunit.judge;

import org.apiguardian.api.API;

import dev.evalunit.task.Reference;
import dev.evalunit.task.Task;
import dev.evalunit.task.TaskMessage;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.Tracer;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * What a {@code judge} check needs from its trial, attached to the trial's
 * {@link dev.evalunit.check.Evidence}: the suite's judge, what the model under test was asked,
 * the task's reference answer, and where the judge's spans go. The judge's spans form a trace of
 * their own, linked to {@code trialRoot}, so the task's span checks never see them.
 *
 * @param judge the suite's judge; never {@code null}, perhaps {@linkplain Judge#unconfigured unconfigured}
 * @param taskId the task's id, on the judge's spans; never {@code null}
 * @param taskInput the task's input conversation as the judge reads it; never {@code null}
 * @param reference the task's {@code reference.output}, when it has one
 * @param trialRoot the trial's root span, which the judge's trace links to; never {@code null}
 *        ({@link SpanContext#getInvalid()} for none)
 * @param tracer makes the judge's spans; never {@code null}
 * @since 0.1.0
 */
@API(status = INTERNAL, since = "0.1.0")
public record JudgeContext(
        Judge judge,
        String taskId,
        String taskInput,
        Optional<String> reference,
        SpanContext trialRoot,
        Tracer tracer) {

    public JudgeContext {
        Objects.requireNonNull(judge, "judge");
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(taskInput, "taskInput");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(trialRoot, "trialRoot");
        Objects.requireNonNull(tracer, "tracer");
    }

    /**
     * @param judge the suite's judge; never {@code null}
     * @param task the task the trial ran; never {@code null}
     * @param trialRoot the trial's root span context; never {@code null}
     * @param tracer makes the judge's spans, e.g. the trial's tracer; never {@code null}
     * @return the context of a {@code judge} check in that trial
     */
    public static JudgeContext of(Judge judge, Task task, SpanContext trialRoot, Tracer tracer) {
        return new JudgeContext(judge, task.id(), input(task), task.reference().map(Reference::output),
                trialRoot, tracer);
    }

    /** A lone user message reads as itself; a conversation as its messages, each under its role. */
    private static String input(Task task) {
        if (task.messages().size() == 1 && task.messages().get(0).role() == TaskMessage.Role.USER) {
            return task.messages().get(0).content();
        }
        StringBuilder text = new StringBuilder();
        for (TaskMessage message : task.messages()) {
            if (text.length() > 0) {
                text.append("\n\n");
            }
            text.append('[').append(message.role().name().toLowerCase(Locale.ROOT)).append("]\n")
                    .append(message.content().strip());
        }
        return text.toString();
    }
}
