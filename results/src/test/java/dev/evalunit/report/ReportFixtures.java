package dev.evalunit.report;


import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A small run for the report's tests: passed, failed and errored tasks, two models, one trial with spans. */
final class ReportFixtures {

    static final String FAILED_MESSAGE = "expected to contain OOM, was the pod is fine";
    /** The index, in {@link #run()}, of the failed task whose trial has {@link #SPANS} spans. */
    static final int FAILED_TASK = 1;
    static final int SPANS = 4;

    private ReportFixtures() {
    }

    static List<TaskRecord> run() {
        return List.of(
                Records.passed("tools/oom", "sre", "tools"),
                failedWithSpans(),
                Records.errored("tools/dns", "sre"),
                Records.task("SreEvalTest", "tools/oom", "gpt-4o-mini", TaskOutcome.FAILED, 1, 0, "sre", "tools"));
    }

    private static TaskRecord failedWithSpans() {
        String root = "00000000000000a1";
        List<SpanRecord> spans = List.of(
                span("invoke_agent gpt-4o", root, Optional.empty(), 0, 9_000_000, "OK"),
                span("chat gpt-4o", "00000000000000a2", Optional.of(root), 100_000, 3_000_000, "OK"),
                span("execute_tool get_pod_events", "00000000000000a3", Optional.of(root), 3_200_000, 1_000_000, "OK"),
                span("chat gpt-4o", "00000000000000a4", Optional.of(root), 4_400_000, 4_000_000, "ERROR"));
        List<MessageRecord> transcript = List.of(
                new MessageRecord("user", "Why does the checkout pod restart? </script><script>alert(1)</script>",
                        Optional.empty(), Optional.empty()),
                new MessageRecord("tool", "Warning OOMKilled", Optional.of("get_pod_events"), Optional.of("{\"pod\":\"checkout\"}")),
                new MessageRecord("assistant", "the pod is fine <img src=x onerror=alert(2)>", Optional.empty(), Optional.empty()));
        TrialRecord trial = new TrialRecord(1, false, 9, List.of(new CheckRecord("output", false, FAILED_MESSAGE)),
                120, 30, Optional.empty(), Optional.empty(), transcript, spans);
        return new TaskRecord("SreEvalTest", "tools/restart", "sre/tools/restart.yaml", "gpt-4o", List.of("sre"),
                TaskOutcome.FAILED, List.of(trial), 0, "all", 9);
    }

    private static SpanRecord span(String name, String id, Optional<String> parent, long start, long duration, String status) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("gen_ai.operation.name", name.substring(0, name.indexOf(' ')));
        return new SpanRecord(name, id, parent, start, duration, status, attributes);
    }
}
