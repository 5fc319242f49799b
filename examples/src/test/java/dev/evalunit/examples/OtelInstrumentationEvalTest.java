package dev.evalunit.examples;

import dev.evalunit.junit.EvalSuite;

/**
 * The OpenTelemetry instrumentation benchmark: each task shows the model a small Java program
 * (plain JDK: an HTTP server, an HTTP client, executors, futures, queues) and asks for the
 * instrumentation a senior engineer would add or fix. The answer is code: EvalUnit writes it over
 * the workspace, compiles it in process, runs it as separate JVMs that export with OTLP to a
 * receiver the trial hosts on 127.0.0.1, and checks the spans they exported: exact names and
 * counts, kinds, parents across threads and processes, one trace across services, events, links,
 * resources and the instrumentation scope. The program must exit cleanly and print what it
 * printed before.
 *
 * <p>By default the suite runs against the {@code oracle}, which answers with each task's
 * {@code reference} folder; {@code -Devalunit.model=nop} answers with the workspace unchanged and
 * fails every task. To score a real model behind an OpenAI-compatible endpoint (the API key is
 * read from {@code OPENAI_API_KEY}):
 *
 * <pre>
 * mvn verify -pl examples -am -Dtest=OtelInstrumentationEvalTest -Devalunit.model=openai \
 *     -Devalunit.model.base-url=http://127.0.0.1:8000/v1 -Devalunit.model.name=qwen2.5-coder-32b-instruct
 * </pre>
 */
@EvalSuite("otel")
class OtelInstrumentationEvalTest {
}
