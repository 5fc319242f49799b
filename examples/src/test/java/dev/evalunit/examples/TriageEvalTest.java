package dev.evalunit.examples;

import dev.evalunit.junit.EvalSuite;

/**
 * Incident triage, the many-tasks-per-file forms: {@code severity.yaml} classifies thirty incident
 * summaries by severity, one test per line of {@code incidents.jsonl} filled into one template;
 * {@code paging.yaml} is a task list whose items share tools and a span check; the folder's
 * {@code _defaults.yaml} gives every task the system prompt (the severity scale), a tag and a
 * token budget. See docs/task-files.md.
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
@EvalSuite("triage")
class TriageEvalTest {
}
