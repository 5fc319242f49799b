package dev.evalunit.judge;

import dev.evalunit.check.Check;
import dev.evalunit.check.CheckResult;
import dev.evalunit.check.Evidence;
import dev.evalunit.task.Reference;
import dev.evalunit.source.SourcePosition;
import dev.evalunit.task.Task;
import dev.evalunit.task.TaskMessage;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;

import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A finished trial as the runner holds it when checks run: a trace of its own with an
 * {@code invoke_agent} root and one {@code chat} span, captured before any check, and evidence
 * with the graders attached.
 */
final class Trial implements AutoCloseable {

    static final String PROMPT = "The checkout pod keeps restarting. Find out why.";
    static final String REFERENCE = "The pod was OOMKilled; it needs a higher memory limit.";

    private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
    private final SdkTracerProvider provider = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
    private final Tracer tracer = provider.get("dev.evalunit");
    private final Span root;
    private final Evidence evidence;

    private Trial(String answer, Graders graders) {
        root = tracer.spanBuilder("invoke_agent model-under-test").setNoParent().startSpan();
        try (Scope ignored = root.makeCurrent()) {
            tracer.spanBuilder("chat model-under-test").setSpanKind(SpanKind.CLIENT).startSpan().end();
        }
        root.end();
        List<SpanData> captured = exporter.getFinishedSpanItems();
        evidence = graders.attachTo(new Evidence(answer, captured), task(List.of()), root.getSpanContext(), tracer);
    }

    static Trial answered(String answer, Judge judge) {
        return new Trial(answer, new Graders(judge, SimilarityScorer.bundled()));
    }

    static Task task(List<Check> checks) {
        return Task.builder("oom", SourcePosition.startOf(URI.create("file:///tasks/oom.yaml"), "oom.yaml"))
                .messages(new TaskMessage(TaskMessage.Role.SYSTEM, "You are an on-call SRE."),
                        new TaskMessage(TaskMessage.Role.USER, PROMPT))
                .reference(new Reference(List.of(), REFERENCE))
                .checks(checks)
                .build();
    }

    Evidence evidence() {
        return evidence;
    }

    CheckResult check(Check check) {
        return check.evaluate(evidence);
    }

    Span root() {
        return root;
    }

    /** @return every span ended so far, the judge's included */
    List<SpanData> allSpans() {
        return exporter.getFinishedSpanItems();
    }

    /** @return the spans of traces other than the trial's: the judge's */
    List<SpanData> otherTraces() {
        return allSpans().stream().filter(span -> !span.getTraceId().equals(root.getSpanContext().getTraceId()))
                .collect(Collectors.toList());
    }

    @Override
    public void close() {
        provider.close();
    }
}
