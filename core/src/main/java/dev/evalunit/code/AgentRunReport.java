package dev.evalunit.code;

import dev.evalunit.check.RunOutcome;
import io.opentelemetry.sdk.trace.data.SpanData;

import java.util.Map;
import java.util.TreeMap;

/** What an agent's {@code build} or {@code run} command tells it: the failure, each process, the spans. */
final class AgentRunReport {

    /** How much of each process's output the agent sees: the end, where the errors are. */
    static final int OUTPUT_TAIL = 3_000;
    private static final int SPAN_NAMES = 30;

    private AgentRunReport() {
    }

    static String describe(String command, CodeRun run) {
        StringBuilder text = new StringBuilder();
        text.append(command).append(run.failed() ? " failed: " + run.failure().get() : " passed: every process ran")
                .append('\n');
        for (RunOutcome.ProcessOutcome process : run.outcome().processes()) {
            text.append("\nprocess ").append(process.name()).append(": ")
                    .append(process.exitCode().isPresent() ? "exited with " + process.exitCode().getAsInt()
                            : "stopped by the engine")
                    .append(", output").append(process.output().length() > OUTPUT_TAIL ? " (its end)" : "")
                    .append(":\n").append(tail(process.output())).append('\n');
        }
        text.append('\n').append(spans(run));
        return text.toString();
    }

    private static String spans(CodeRun run) {
        if (run.spans().isEmpty()) {
            return "exported no spans";
        }
        Map<String, Integer> counts = new TreeMap<>();
        for (SpanData span : run.spans()) {
            String service = span.getResource().getAttribute(io.opentelemetry.api.common.AttributeKey
                    .stringKey("service.name"));
            counts.merge(span.getName() + " (" + span.getKind() + ", service " + service + ", scope "
                    + span.getInstrumentationScopeInfo().getName() + ")", 1, Integer::sum);
        }
        int traces = run.outcome().traces().size();
        StringBuilder text = new StringBuilder("exported " + run.spans().size() + (run.spans().size() == 1 ? " span"
                : " spans") + " in " + traces + (traces == 1 ? " trace" : " traces") + ":\n");
        counts.entrySet().stream().limit(SPAN_NAMES).forEach(entry -> text.append("  ").append(entry.getValue())
                .append(" x ").append(entry.getKey()).append('\n'));
        if (counts.size() > SPAN_NAMES) {
            text.append("  and ").append(counts.size() - SPAN_NAMES).append(" more kinds of span\n");
        }
        return text.toString();
    }

    private static String tail(String output) {
        return output.length() <= OUTPUT_TAIL ? output : output.substring(output.length() - OUTPUT_TAIL);
    }
}
