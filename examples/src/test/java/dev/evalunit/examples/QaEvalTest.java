package dev.evalunit.examples;

import dev.evalunit.junit.EvalSuite;

/**
 * Plain question answering without tools: SRE and operations knowledge with one right answer
 * (HTTP 503, a nearest-rank p99, {@code kill -9}, GiB to MiB, the HTTPS port, exit code 137).
 * Each task checks the answer's text, that it took exactly one model call, and that the
 * answer stayed within an output-token budget.
 *
 * <p>By default the suite runs against the {@code oracle}, which replays each task's
 * {@code reference}. To score a real model behind an OpenAI-compatible endpoint (the API key
 * is read from {@code OPENAI_API_KEY}):
 *
 * <pre>
 * mvn verify -pl examples -am -Devalunit.model=openai \
 *     -Devalunit.model.base-url=http://127.0.0.1:8000/v1 -Devalunit.model.name=qwen2.5-7b-instruct
 * </pre>
 */
@EvalSuite("qa")
class QaEvalTest {
}
