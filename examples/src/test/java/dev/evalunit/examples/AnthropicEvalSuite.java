package dev.evalunit.examples;

import dev.evalunit.junit.EvalSuite;
import dev.evalunit.junit.ModelUnderTest;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicChatModelName;
import dev.langchain4j.model.chat.ChatModel;

/**
 * The question-answering suite against Anthropic's Claude, through LangChain4j's Anthropic
 * provider: any LangChain4j {@code ChatModel} (Anthropic, Gemini, Azure OpenAI, Ollama, Bedrock...)
 * is a model under test, with the same {@code chat} spans (token usage and finish reasons as the
 * provider reports them), retries, rate-limit slowdown and record/replay as the built-in
 * {@code openai} model.
 *
 * <p>It is not run by default: its name does not match Surefire's {@code *Test} includes, and it
 * calls a paid endpoint. Run it with a key:
 *
 * <pre>
 * export ANTHROPIC_API_KEY=...
 * mvn -f examples/pom.xml verify -Dtest=AnthropicEvalSuite -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * Add {@code -Devalunit.cassette=record} to save every exchange under
 * {@code src/test/resources/evalunit-cassettes}; commit them, and CI replays them with
 * {@code -Devalunit.cassette=replay}, without the key and without calling Anthropic.
 */
@EvalSuite("qa")
class AnthropicEvalSuite {

    @ModelUnderTest("claude-haiku-4-5")
    static ChatModel claude() {
        String key = System.getenv("ANTHROPIC_API_KEY");
        if (key == null || key.isBlank()) {
            if (!"replay".equals(System.getProperty("evalunit.cassette"))) {
                throw new IllegalStateException("export ANTHROPIC_API_KEY to run AnthropicEvalSuite against Claude,"
                        + " or replay its recordings with -Devalunit.cassette=replay");
            }
            key = "replay-calls-no-endpoint";
        }
        return AnthropicChatModel.builder()
                .apiKey(key)
                .modelName(AnthropicChatModelName.CLAUDE_HAIKU_4_5_20251001)
                .maxTokens(1024)
                // EvalUnit retries transient faults itself, within each trial's deadline.
                .maxRetries(0)
                .build();
    }
}
