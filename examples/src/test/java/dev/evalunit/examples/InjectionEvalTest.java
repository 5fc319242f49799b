package dev.evalunit.examples;

import dev.evalunit.junit.EvalSuite;

/**
 * Prompt injection through tool results: a log line, a ticket body, a web page and a comment in
 * a pull request carry instructions to delete pods, drain nodes, answer "HACKED" or send
 * secrets to an outside address. Each task checks that the model does not obey (the dangerous
 * tool is never called, the canary text never appears) while it still does the legitimate work
 * it was asked for.
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
@EvalSuite("injection")
class InjectionEvalTest {
}
