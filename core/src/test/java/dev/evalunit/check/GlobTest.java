package dev.evalunit.check;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class GlobTest {

    @Test
    void matchesAnExactName() {
        assertThat(new Glob("chat gpt-4o").matches("chat gpt-4o")).isTrue();
        assertThat(new Glob("chat gpt-4o").matches("chat gpt-4")).isFalse();
    }

    @Test
    void starMatchesAnyRunOfCharactersIncludingNone() {
        Glob glob = new Glob("execute_tool *");
        assertThat(glob.matches("execute_tool get_pod_events")).isTrue();
        assertThat(glob.matches("execute_tool ")).isTrue();
        assertThat(glob.matches("execute_tool")).isFalse();
        assertThat(new Glob("*").matches("")).isTrue();
    }

    @Test
    void starsBacktrackToFindALaterMatch() {
        assertThat(new Glob("*get_*_events").matches("execute_tool get_pod_get_events")).isTrue();
        assertThat(new Glob("a*b*c").matches("abcbx")).isFalse();
    }

    @Test
    void questionMarkMatchesExactlyOneCharacter() {
        Glob glob = new Glob("chat gpt-?o");
        assertThat(glob.matches("chat gpt-4o")).isTrue();
        assertThat(glob.matches("chat gpt-o")).isFalse();
        assertThat(glob.matches("chat gpt-45o")).isFalse();
    }

    @Test
    void regexMetacharactersStandForThemselves() {
        assertThat(new Glob("chat (retry) a.b+[1]").matches("chat (retry) a.b+[1]")).isTrue();
        assertThat(new Glob("a.b").matches("axb")).isFalse();
    }

    @Test
    void matchesTheWholeNameOnly() {
        assertThat(new Glob("get").matches("get_logs")).isFalse();
        assertThat(new Glob("logs").matches("get_logs")).isFalse();
    }

    @Test
    void isCaseSensitive() {
        assertThat(new Glob("Chat *").matches("chat gpt-4o")).isFalse();
    }

    @Test
    void showsThePatternInQuotes() {
        assertThat(new Glob("execute_tool *")).hasToString("\"execute_tool *\"");
    }

    @Test
    void rejectsNull() {
        assertThatNullPointerException().isThrownBy(() -> new Glob(null));
    }
}
