package dev.evalunit.check;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkspaceChecksTest {

    private static final Map<String, String> BEFORE = Map.of("src/shop/App.java", "a\nb\nc\n", "pom.xml", "<p/>\n",
            "src/test/AppTest.java", "test\n");

    private static Evidence after(Map<String, String> after) {
        return new Evidence("", List.of()).with(WorkspaceChange.class, new WorkspaceChange(BEFORE, after));
    }

    private static Map<String, String> changedApp() {
        return Map.of("src/shop/App.java", "a\nB\nc\nd\n", "pom.xml", "<p/>\n", "src/test/AppTest.java", "test\n");
    }

    @Test
    void changedOnlyPassesWhenEveryChangeIsUnderAGlob() {
        CheckResult result = WorkspaceChecks.changedOnly(List.of(new Glob("src/shop/*"))).evaluate(after(changedApp()));

        assertThat(result.passed()).isTrue();
    }

    @Test
    void changedOnlyFailsNamingTheFilesOutside() {
        Map<String, String> after = new java.util.HashMap<>(changedApp());
        after.put("Evil.java", "x");
        after.remove("pom.xml");

        CheckResult result = WorkspaceChecks.changedOnly(List.of(new Glob("src/shop/*"))).evaluate(after(after));

        assertThat(result.passed()).isFalse();
        assertThat(result.message()).isEqualTo("changed [Evil.java, pom.xml], outside [\"src/shop/*\"]");
    }

    @Test
    void unchangedPassesWhenNoMatchingFileChanged() {
        assertThat(WorkspaceChecks.unchanged(List.of(new Glob("src/test/*"), new Glob("pom.xml")))
                .evaluate(after(changedApp())).passed()).isTrue();
    }

    @Test
    void unchangedFailsWhenAProtectedFileChangedOrWasCreated() {
        Map<String, String> after = new java.util.HashMap<>(BEFORE);
        after.put("src/test/AppTest.java", "assertTrue(true)\n");
        after.put("src/test/NewTest.java", "x");

        CheckResult result = WorkspaceChecks.unchanged(List.of(new Glob("src/test/*"))).evaluate(after(after));

        assertThat(result.passed()).isFalse();
        assertThat(result.message()).startsWith("changed [src/test/AppTest.java, src/test/NewTest.java], which must"
                + " stay as they were");
    }

    @Test
    void fileContainsBothWays() {
        Evidence evidence = after(changedApp());

        assertThat(WorkspaceChecks.fileContains("src/shop/App.java", "B\nc", true).evaluate(evidence).passed()).isTrue();
        assertThat(WorkspaceChecks.fileContains("src/shop/App.java", "Tracer", true).evaluate(evidence).message())
                .isEqualTo("expected src/shop/App.java to contain \"Tracer\", but it does not");
        assertThat(WorkspaceChecks.fileContains("src/shop/Gone.java", "x", true).evaluate(evidence).message())
                .endsWith("but the workspace has no such file");
        assertThat(WorkspaceChecks.fileContains("src/shop/App.java", "Tracer", false).evaluate(evidence).passed())
                .isTrue();
        assertThat(WorkspaceChecks.fileContains("src/shop/App.java", "d", false).evaluate(evidence).passed()).isFalse();
    }

    @Test
    void maxChangedLinesCountsLinesAddedAndRemoved() {
        Evidence evidence = after(changedApp()); // b -> B is one removed and one added, d is one added

        assertThat(WorkspaceChecks.maxChangedLines(3).evaluate(evidence).passed()).isTrue();
        CheckResult tooMany = WorkspaceChecks.maxChangedLines(2).evaluate(evidence);
        assertThat(tooMany.passed()).isFalse();
        assertThat(tooMany.message()).isEqualTo("changed 3 lines (added plus removed), more than 2, in"
                + " [src/shop/App.java]");
    }

    @Test
    void failsWhenNoAgentWorkedInAWorkspace() {
        CheckResult result = WorkspaceChecks.maxChangedLines(10).evaluate(new Evidence("", List.of()));

        assertThat(result.passed()).isFalse();
        assertThat(result.message()).contains("needs a code task with answer: agent");
    }

    @Test
    void refusesChecksThatCannotFail() {
        assertThatThrownBy(() -> WorkspaceChecks.changedOnly(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WorkspaceChecks.fileContains("a", "", true))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
