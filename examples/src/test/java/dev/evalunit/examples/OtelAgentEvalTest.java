package dev.evalunit.examples;

import dev.evalunit.junit.EvalSuite;

/**
 * The OpenTelemetry agent suite: the same kind of work as {@link OtelInstrumentationEvalTest}, but
 * the model works in the program's workspace with tools (list, read, write and edit files, compile,
 * build and run the program, finish) instead of answering with whole files, the way OTelBench's
 * agents work. When it finishes, the workspace is built and run as a whole-file answer is and
 * judged on the spans it exports, on what it changed ({@code expect.workspace}) and on its conduct
 * (its own {@code execute_tool} spans). Three tasks are this project's rewrites of OTelBench's
 * portable Java tasks ({@code java-simple}, {@code java-advanced},
 * {@code java-distributed-context-propagation}); the others are agent versions of tasks of the
 * instrumentation suite, on the same workspaces.
 *
 * <p>By default the suite runs against the {@code oracle}, which writes each reference file, runs
 * the build and finishes; {@code -Devalunit.model=nop} finishes at once and fails every task.
 */
@EvalSuite("otel-agent")
class OtelAgentEvalTest {
}
