package dev.evalunit.source;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DidYouMeanTest {

    private static final List<String> KEYS = List.of("id", "title", "tags", "prompt", "messages", "expect");

    @Test
    void suggestsTheKeyAFewEditsAway() {
        assertThat(DidYouMean.closest("expct", KEYS)).contains("expect");
        assertThat(DidYouMean.closest("titel", KEYS)).as("a swap is one edit").contains("title");
        assertThat(DidYouMean.closest("Prompt", KEYS)).as("case is ignored").contains("prompt");
        assertThat(DidYouMean.closest("message", KEYS)).contains("messages");
    }

    @Test
    void suggestsNothingWhenNoKeyIsClose() {
        assertThat(DidYouMean.closest("owner", KEYS)).isEmpty();
        assertThat(DidYouMean.closest("x", KEYS)).as("short keys tolerate one edit only").isEmpty();
        assertThat(DidYouMean.closest("e".repeat(100_000), KEYS)).isEmpty();
    }
}
