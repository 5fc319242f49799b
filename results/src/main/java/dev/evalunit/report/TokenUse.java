package dev.evalunit.report;

import org.apiguardian.api.API;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * Input and output tokens a task's trials used, or a model's tasks: what the summary text and the
 * HTML report count, from the same records.
 *
 * @param input the input (prompt) tokens
 * @param output the output (completion) tokens
 * @since 0.1.0
 */
@API(status = INTERNAL, since = "0.1.0")
public record TokenUse(long input, long output) {

    /** @return the tokens of all of {@code task}'s trials */
    public static TokenUse of(TaskRecord task) {
        long input = 0;
        long output = 0;
        for (TrialRecord trial : task.trials()) {
            input += trial.inputTokens();
            output += trial.outputTokens();
        }
        return new TokenUse(input, output);
    }

    /** @return model &rarr; the tokens of its tasks, by model name */
    public static Map<String, TokenUse> byModel(List<TaskRecord> tasks) {
        Map<String, TokenUse> byModel = new TreeMap<>();
        tasks.forEach(task -> byModel.merge(task.model(), of(task), TokenUse::plus));
        return byModel;
    }

    /** @return input plus output */
    public long total() {
        return input + output;
    }

    /** @return these tokens and {@code other}'s */
    public TokenUse plus(TokenUse other) {
        return new TokenUse(input + other.input, output + other.output);
    }
}
