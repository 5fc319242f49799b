package dev.evalunit.code;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnswerFormatTest {

    @Test
    void readsEveryFileOfAnAnswerAndIgnoresTheTextAroundThem() throws TrialFailure {
        String answer = """
                I added a span.

                ```java src/shop/App.java
                package shop;
                class App {}
                ```

                And a new helper:

                ```src/shop/Tracing.java
                package shop;
                ```
                """;

        assertThat(AnswerFormat.parse(answer)).containsExactly(
                Map.entry("src/shop/App.java", "package shop;\nclass App {}\n"),
                Map.entry("src/shop/Tracing.java", "package shop;\n"));
    }

    @Test
    void whatItRendersItReadsBackExactlyEvenWithBackticksInAFile() throws TrialFailure {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("README.md", "Run it:\n```sh\njava App\n```\n");
        files.put("src/App.java", "class App { String s = \"\"\"\n  ``` \"\"\"; }");
        files.put("empty.txt", "");

        assertThat(AnswerFormat.parse(AnswerFormat.render(files))).containsExactly(
                Map.entry("README.md", "Run it:\n```sh\njava App\n```\n"),
                Map.entry("src/App.java", "class App { String s = \"\"\"\n  ``` \"\"\"; }\n"),
                Map.entry("empty.txt", ""));
    }

    @Test
    void readsWindowsLineEnds() throws TrialFailure {
        assertThat(AnswerFormat.parse("```java src/App.java\r\nclass App {}\r\n```\r\n"))
                .containsExactly(Map.entry("src/App.java", "class App {}\n"));
    }

    @Test
    void failsOnAnAnswerWithoutFiles() {
        assertThatThrownBy(() -> AnswerFormat.parse(""))
                .hasMessageStartingWith("the answer names no file").hasMessageEndingWith("(the answer was empty)");
    }

    @Test
    void failsOnAFencedBlockThatNamesNoPath() {
        assertThatThrownBy(() -> AnswerFormat.parse("```java src/App.java\nclass App {}\n```\n```sh\nmvn test\n```\n"))
                .hasMessage("the answer's fenced block at line 4 (```sh) names no file: every fenced block must name"
                        + " the file it holds after the language, such as ```java src/main/java/shop/App.java");
    }

    @Test
    void failsOnPathsOutsideTheWorkspace() {
        assertThatThrownBy(() -> AnswerFormat.parse("```java ../App.java\n```\n"))
                .hasMessageContaining("../App.java (line 1) is outside the workspace (it goes up with ..)");
        assertThatThrownBy(() -> AnswerFormat.parse("```java /etc/passwd\n```\n"))
                .hasMessageContaining("/etc/passwd (line 1) is outside the workspace (an absolute path)");
        assertThatThrownBy(() -> AnswerFormat.parse("```java src\\App.java\n```\n"))
                .hasMessageContaining("uses \\; write / between folders");
        assertThatThrownBy(() -> AnswerFormat.parse("```java src/./App.java\n```\n"))
                .hasMessageContaining("is not a plain path");
    }

    @Test
    void failsOnABlockThatIsNeverClosed() {
        assertThatThrownBy(() -> AnswerFormat.parse("```java src/App.java\nclass App {}\n"))
                .hasMessage("the answer's block for src/App.java (line 1) is never closed; end every file with a line"
                        + " of 3 backticks");
    }

    @Test
    void failsOnAFileGivenTwice() {
        assertThatThrownBy(() -> AnswerFormat.parse("```java A.java\n```\n```java A.java\n```\n"))
                .hasMessage("the answer gives A.java twice (lines 1 and 3); give each file once, whole");
    }

    @Test
    void theInstructionsShowTheFormatWithARealPath() {
        assertThat(AnswerFormat.instructions("src/shop/App.java"))
                .contains("```java src/shop/App.java\n...the whole file...\n```")
                .contains("Every fenced block in your answer is a file");
    }
}
