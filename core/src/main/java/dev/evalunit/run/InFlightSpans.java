package dev.evalunit.run;

import dev.evalunit.config.Durations;
import dev.evalunit.model.GenAiAttributes;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The spans of a trial that have started and not yet ended, so that a trial cut by its deadline
 * can say what was still running (a model call, a tool) and whether a model call was in flight.
 */
final class InFlightSpans implements SpanProcessor {

    private final Set<ReadableSpan> running = ConcurrentHashMap.newKeySet();

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
        running.add(span);
    }

    @Override
    public boolean isStartRequired() {
        return true;
    }

    @Override
    public void onEnd(ReadableSpan span) {
        running.remove(span);
    }

    @Override
    public boolean isEndRequired() {
        return true;
    }

    @Override
    public CompletableResultCode shutdown() {
        running.clear();
        return CompletableResultCode.ofSuccess();
    }

    /** What is running inside the trial, its root aside. */
    record Snapshot(List<String> spans, boolean modelCallInFlight) {

        /** @return e.g. {@code still running: chat gpt-4o (for 59s)}, or what says nothing was */
        String describe() {
            return spans.isEmpty() ? "no model call or tool was running (the agent's own code was)"
                    : "still running: " + String.join(", ", spans);
        }
    }

    Snapshot snapshot() {
        List<ReadableSpan> inside = running.stream()
                .filter(span -> span.getParentSpanContext().isValid()) // the trial's root is always running
                .sorted(Comparator.comparingLong(ReadableSpan::getLatencyNanos).reversed())
                .toList();
        boolean modelCall = inside.stream().anyMatch(span ->
                GenAiAttributes.OPERATION_CHAT.equals(span.getAttribute(GenAiAttributes.OPERATION_NAME)));
        List<String> described = inside.stream()
                .map(span -> span.getName() + " (for " + Durations.format(Duration.ofMillis(
                        Math.max(span.getLatencyNanos(), 0) / 1_000_000)) + ")")
                .collect(Collectors.toList());
        return new Snapshot(described, modelCall);
    }
}
