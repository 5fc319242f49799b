package dev.evalunit.run;

import dev.evalunit.check.CheckResult;
import dev.evalunit.check.OutputChecks;
import dev.evalunit.model.GenAiAttributes;
import dev.evalunit.report.MessageRecord;
import dev.evalunit.report.ResultsFiles;
import dev.evalunit.report.ResultsWriter;
import dev.evalunit.report.SpanRecord;
import dev.evalunit.report.TaskRecord;
import dev.evalunit.report.TrialRecord;
import dev.evalunit.source.SourcePosition;
import dev.evalunit.task.Task;
import dev.evalunit.task.TaskMessage;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class TrialTraceTest {

    private static final Task TASK = Task.builder("tools/oom",
                    SourcePosition.startOf(URI.create("file:///suite/sre/tools/oom.yaml"), "sre/tools/oom.yaml"))
            .tags("sre")
            .messages(new TaskMessage(TaskMessage.Role.SYSTEM, "You are an on-call SRE."),
                    new TaskMessage(TaskMessage.Role.USER, "Why does the checkout pod restart?"))
            .checks(OutputChecks.contains("OOM"))
            .build();

    @TempDir
    Path dir;

    @Test
    void keepsTheConversationAndTheSpansNestedByParentRedacted() throws IOException {
        InMemorySpanExporter exporter = InMemorySpanExporter.create();
        Tracer tracer = SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build().get("t");
        Span root = tracer.spanBuilder("invoke_agent gpt-4o").startSpan();
        Context inRoot = Context.root().with(root);
        tracer.spanBuilder("execute_tool get_pod_events").setParent(inRoot)
                .setAttribute(GenAiAttributes.OPERATION_NAME, GenAiAttributes.OPERATION_EXECUTE_TOOL)
                .setAttribute(GenAiAttributes.TOOL_NAME, "get_pod_events")
                .setAttribute(GenAiAttributes.TOOL_CALL_ARGUMENTS, "{\"pod\":\"checkout\",\"key\":\"sk-secret\"}")
                .setAttribute(GenAiAttributes.TOOL_CALL_RESULT, "OOMKilled").startSpan().end();
        tracer.spanBuilder("chat gpt-4o").setParent(inRoot).startSpan().setStatus(StatusCode.ERROR).end();
        root.end();
        TrialResult trial = new TrialResult(1, "It was OOMKilled; my key is sk-secret", List.of(CheckResult.pass("output", "ok")),
                Optional.empty(), Optional.empty(), Duration.ofMillis(3), exporter.getFinishedSpanItems());

        TaskRecord record = TaskRecords.of(new TaskResult(TASK, "gpt-4o", List.of(trial)), "S", "f", 3,
                text -> text.replace("sk-secret", "***"));

        TrialRecord kept = record.trials().get(0);
        assertThat(kept.transcript()).extracting(MessageRecord::role, MessageRecord::content, MessageRecord::tool)
                .containsExactly(tuple("system", "You are an on-call SRE.", Optional.empty()),
                        tuple("user", "Why does the checkout pod restart?", Optional.empty()),
                        tuple("tool", "OOMKilled", Optional.of("get_pod_events")),
                        tuple("assistant", "It was OOMKilled; my key is ***", Optional.empty()));
        assertThat(kept.transcript().get(2).arguments()).contains("{\"pod\":\"checkout\",\"key\":\"***\"}");
        assertThat(kept.spans()).extracting(SpanRecord::name).containsExactly("invoke_agent gpt-4o",
                "execute_tool get_pod_events", "chat gpt-4o");
        SpanRecord rootRecord = kept.spans().get(0);
        assertThat(rootRecord.parentSpanId()).isEmpty();
        assertThat(rootRecord.startNanos()).isZero();
        assertThat(kept.spans().get(1).parentSpanId()).contains(rootRecord.spanId());
        assertThat(kept.spans().get(2).status()).isEqualTo("ERROR");
        assertThat(kept.spans().get(1).attributes()).containsEntry("gen_ai.tool.call.arguments",
                "{\"pod\":\"checkout\",\"key\":\"***\"}");

        try (ResultsWriter writer = ResultsFiles.open(dir)) {
            writer.add(record);
        }
        assertThat(ResultsFiles.readResults(dir).tasks()).containsExactly(record);
    }

    @Test
    void cutsTextsAndSpansAtTheirBounds() {
        InMemorySpanExporter exporter = InMemorySpanExporter.create();
        Tracer tracer = SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build().get("t");
        for (int i = 0; i < TrialTrace.MAX_SPANS + 20; i++) {
            tracer.spanBuilder("loop " + i).startSpan().end();
        }
        String huge = "x".repeat(TrialTrace.MAX_TEXT * 3);
        TrialResult trial = new TrialResult(1, huge, List.of(), Optional.empty(), Optional.empty(), Duration.ZERO,
                exporter.getFinishedSpanItems());

        TrialRecord kept = TaskRecords.of(new TaskResult(TASK, "gpt-4o", List.of(trial)), "S", "f", 0, text -> text)
                .trials().get(0);

        assertThat(kept.spans()).hasSize(TrialTrace.MAX_SPANS);
        String answer = kept.transcript().get(kept.transcript().size() - 1).content();
        assertThat(answer).hasSizeLessThan(TrialTrace.MAX_TEXT + 60)
                .endsWith("… (" + (TrialTrace.MAX_TEXT * 2) + " more characters cut)");
    }
}
