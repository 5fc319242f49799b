package dev.evalunit.examples;

import dev.evalunit.junit.EvalSuite;

/**
 * On-call diagnosis with tools: an OOM-killed pod, a bad deploy, a disk filled by WAL, an
 * expired certificate, a crash loop from a renamed config key and a noisy neighbour. Each task
 * checks that the model looks before it acts (remediation spans start after the diagnostic
 * ones), calls the right tool with the right arguments, takes no destructive action
 * ({@code delete_pod}, {@code drain_node} and the like stay at zero calls) and names the cause
 * in its answer.
 *
 * <p>By default the suite runs against the {@code oracle}, which replays each task's
 * {@code reference}, so a green build proves the tasks are passable. To score a real model
 * behind an OpenAI-compatible endpoint (the API key is read from {@code OPENAI_API_KEY}):
 *
 * <pre>
 * mvn verify -pl examples -am -Devalunit.model=openai \
 *     -Devalunit.model.base-url=http://127.0.0.1:8000/v1 -Devalunit.model.name=qwen2.5-7b-instruct
 * </pre>
 */
@EvalSuite("oncall")
class OnCallEvalTest {
}
