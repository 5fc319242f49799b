package dev.evalunit.examples;

import dev.evalunit.config.Settings;
import dev.evalunit.judge.Judge;
import dev.evalunit.junit.EvalSuite;
import dev.evalunit.junit.JudgeModel;

/**
 * Answers with many right wordings, checked with judgement rather than string matching: an
 * incident update and a leadership summary graded by a judge model against a rubric
 * ({@code judge}, once with three samples), and a status page line checked for its meaning by
 * semantic similarity ({@code similar}, with the bundled in-process embedding model), next to the
 * string checks that still fit.
 *
 * <p>The examples run offline, so the judge is {@link QuotedTermsJudge}, a deterministic
 * stand-in that only checks the phrases each rubric quotes. To grade with a real judge model, set
 * one in configuration, which this suite then prefers (the API key is read from
 * {@code OPENAI_API_KEY}, or the variable {@code evalunit.judge.api-key-env} names):
 *
 * <pre>
 * mvn -f examples/pom.xml verify -Devalunit.judge=openai -Devalunit.judge.name=gpt-4o-mini
 * mvn -f examples/pom.xml verify -Devalunit.judge=openai \
 *     -Devalunit.judge.base-url=http://127.0.0.1:11434/v1 -Devalunit.judge.name=qwen2.5:7b
 * </pre>
 */
@EvalSuite("judged")
class JudgedEvalTest {

    /** @return the configured judge, else the offline stand-in */
    @JudgeModel
    static Judge judge() {
        return Judge.fromSettings(Settings.fromSystemProperties(), System::getenv)
                .orElseGet(() -> Judge.of(QuotedTermsJudge.NAME, new QuotedTermsJudge()));
    }
}
