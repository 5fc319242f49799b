package dev.evalunit.judge;

import dev.evalunit.config.Settings;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class JudgeConfigurationTest {

    private static Optional<Judge> judge(Map<String, String> configuration, Map<String, String> environment) {
        return Judge.fromSettings(Settings.from(key -> Optional.ofNullable(configuration.get(key))), environment::get);
    }

    @Test
    void hasNoJudgeWhenNoneIsConfigured() {
        assertThat(judge(Map.of(), Map.of())).isEmpty();
    }

    @Test
    void buildsAnOpenAiCompatibleJudge() {
        Optional<Judge> judge = judge(Map.of("evalunit.judge", "openai", "evalunit.judge.name", "gpt-4o-mini"),
                Map.of("OPENAI_API_KEY", "sk-test"));

        assertThat(judge).hasValueSatisfying(found -> {
            assertThat(found.name()).isEqualTo("gpt-4o-mini");
            assertThat(found.isConfigured()).isTrue();
            assertThat(found.redact("key sk-test")).isEqualTo("key ***");
        });
    }

    @Test
    void needsNoKeyForALocalServer() {
        assertThat(judge(Map.of("evalunit.judge", "openai", "evalunit.judge.name", "qwen2.5:7b",
                "evalunit.judge.base-url", "http://127.0.0.1:11434/v1"), Map.of())).isPresent();
    }

    @Test
    void refusesAnUnknownJudge() {
        assertThatIllegalArgumentException().isThrownBy(() -> judge(Map.of("evalunit.judge", "claude"), Map.of()))
                .withMessage("Configuration evalunit.judge=claude names no judge; use openai (an OpenAI-compatible"
                        + " endpoint), or declare a @JudgeModel member in the suite class");
    }

    @Test
    void needsTheJudgesName() {
        assertThatIllegalArgumentException().isThrownBy(() -> judge(Map.of("evalunit.judge", "openai"), Map.of()))
                .withMessage("evalunit.judge=openai needs the judge model's name: set evalunit.judge.name, e.g."
                        + " -Devalunit.judge.name=gpt-4o-mini");
    }

    @Test
    void needsAKeyForOpenAi() {
        assertThatIllegalArgumentException().isThrownBy(() -> judge(Map.of("evalunit.judge", "openai",
                        "evalunit.judge.name", "gpt-4o-mini", "evalunit.judge.api-key-env", "JUDGE_KEY"), Map.of()))
                .withMessageStartingWith("The environment variable JUDGE_KEY holds no API key for the judge at"
                        + " https://api.openai.com/v1; export it");
    }
}
