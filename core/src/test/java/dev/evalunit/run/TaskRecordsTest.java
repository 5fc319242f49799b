package dev.evalunit.run;

import dev.evalunit.check.CheckResult;
import dev.evalunit.report.CheckRecord;
import dev.evalunit.report.TaskOutcome;
import dev.evalunit.report.TaskRecord;
import dev.evalunit.report.TrialRecord;
import dev.evalunit.check.OutputChecks;
import dev.evalunit.model.GenAiAttributes;
import dev.evalunit.task.PassPolicy;
import dev.evalunit.source.SourcePosition;
import dev.evalunit.task.Task;
import dev.evalunit.task.TaskMessage;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class TaskRecordsTest {

    private static final Task TASK = Task.builder("tools/oom",
                    SourcePosition.startOf(URI.create("file:///suite/sre/tools/oom.yaml"), "sre/tools/oom.yaml"))
            .tags("sre", "tools")
            .messages(new TaskMessage(TaskMessage.Role.USER, "Why does the checkout pod restart?"))
            .trials(2)
            .pass(PassPolicy.ANY)
            .checks(OutputChecks.contains("OOM"))
            .build();

    @Test
    void convertsTrialsChecksAndTheVerdict() {
        TrialResult failing = trial(1, CheckResult.fail("output", "expected to contain \"OOM\", was \"fine\""), List.of());
        TrialResult passing = trial(2, CheckResult.pass("output", "contains \"OOM\""), List.of());

        TaskRecord record = TaskRecords.of(new TaskResult(TASK, "gpt-4o", List.of(failing, passing)),
                "com.acme.SreEvalTest", "sre/tools/oom.yaml", 2500);

        assertThat(record.suite()).isEqualTo("com.acme.SreEvalTest");
        assertThat(record.task()).isEqualTo("tools/oom");
        assertThat(record.file()).isEqualTo("sre/tools/oom.yaml");
        assertThat(record.model()).isEqualTo("gpt-4o");
        assertThat(record.tags()).containsExactly("sre", "tools");
        assertThat(record.status()).isEqualTo(TaskOutcome.PASSED);
        assertThat(record.passedTrials()).isEqualTo(1);
        assertThat(record.pass()).isEqualTo("any");
        assertThat(record.durationMs()).isEqualTo(2500);
        assertThat(record.trials()).extracting(TrialRecord::trial, TrialRecord::passed, TrialRecord::durationMs)
                .containsExactly(tuple(1, false, 1200L),
                        tuple(2, true, 1200L));
        assertThat(record.trials().get(0).checks())
                .containsExactly(new CheckRecord("output", false, "expected to contain \"OOM\", was \"fine\""));
    }

    @Test
    void sumsTokensOverTheModelCallsOnly() {
        InMemorySpanExporter exporter = InMemorySpanExporter.create();
        Tracer tracer = SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build()
                .get("test");
        tracer.spanBuilder("invoke_agent gpt-4o").setAttribute(GenAiAttributes.OPERATION_NAME, "invoke_agent")
                .setAttribute(GenAiAttributes.USAGE_INPUT_TOKENS, 1000L).startSpan().end(); // not a model call
        tracer.spanBuilder("chat gpt-4o").setAttribute(GenAiAttributes.OPERATION_NAME, "chat")
                .setAttribute(GenAiAttributes.USAGE_INPUT_TOKENS, 120L)
                .setAttribute(GenAiAttributes.USAGE_OUTPUT_TOKENS, 30L).startSpan().end();
        tracer.spanBuilder("chat gpt-4o").setAttribute(GenAiAttributes.OPERATION_NAME, "chat")
                .setAttribute(GenAiAttributes.USAGE_INPUT_TOKENS, 200L)
                .setAttribute(GenAiAttributes.USAGE_OUTPUT_TOKENS, 12L).startSpan().end();
        tracer.spanBuilder("chat gpt-4o").setAttribute(GenAiAttributes.OPERATION_NAME, "chat")
                .startSpan().end(); // a failed call reports no usage

        TrialRecord trial = TaskRecords.of(new TaskResult(TASK, "gpt-4o",
                List.of(trial(1, CheckResult.pass("output", "ok"), exporter.getFinishedSpanItems()))),
                "S", "f", 1).trials().get(0);

        assertThat(trial.inputTokens()).isEqualTo(320);
        assertThat(trial.outputTokens()).isEqualTo(42);
    }

    @Test
    void describesAnErrorOnOneLineWithItsCauses() {
        RuntimeException error = new RuntimeException("model call 1 failed",
                new ConnectException("Connection refused"));
        TrialResult errored = new TrialResult(1, "", List.of(), Optional.empty(), Optional.of(error),
                Duration.ofMillis(5), List.of());

        TaskRecord record = TaskRecords.of(new TaskResult(TASK, "gpt-4o", List.of(errored)), "S", "f", 5);

        assertThat(record.status()).isEqualTo(TaskOutcome.ERROR);
        assertThat(record.trials().get(0).error())
                .contains("RuntimeException: model call 1 failed, caused by ConnectException: Connection refused");
        assertThat(record.trials().get(0).checks()).isEmpty();
        assertThat(record.trials().get(0).failure()).isEmpty();
    }

    @Test
    void keepsAFailureWithoutAnAnswer() {
        TrialResult timedOut = new TrialResult(1, "", List.of(), Optional.of("timed out after 60s"), Optional.empty(),
                Duration.ofSeconds(60), List.of());

        TaskRecord record = TaskRecords.of(new TaskResult(TASK, "gpt-4o", List.of(timedOut)), "S", "f", 60_000);

        assertThat(record.status()).isEqualTo(TaskOutcome.FAILED);
        assertThat(record.trials().get(0).failure()).contains("timed out after 60s");
        assertThat(record.trials().get(0).passed()).isFalse();
    }

    private static TrialResult trial(int number, CheckResult check, List<SpanData> spans) {
        return new TrialResult(number, "answer", List.of(check), Optional.empty(), Optional.empty(),
                Duration.ofMillis(1200), spans);
    }
}
