package dev.evalunit.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HtmlReportTest {

    @TempDir
    Path dir;

    @Test
    void embedsTheRunAsDataThatNoAnswerCanCloseOrEscape() {
        String html = HtmlReport.render(ReportFixtures.run(), Map.of(), Optional.empty(), Prices.none());

        String data = html.substring(html.indexOf("id=\"evalunit-data\">"), html.indexOf("</script>", html.indexOf("id=\"evalunit-data\"")));
        assertThat(data).contains("tools/restart").contains(ReportFixtures.FAILED_MESSAGE)
                .contains("\\u003c/script\\u003e\\u003cscript\\u003ealert(1)")
                .doesNotContain("<img").doesNotContain("</script");
    }

    @Test
    void needsNoNetwork() {
        String html = HtmlReport.render(ReportFixtures.run(), Map.of(), Optional.empty(), Prices.none());

        assertThat(html).doesNotContainPattern("(?i)(src|href)\\s*=\\s*[\"']?(https?:)?//")
                .doesNotContain("@import").contains("default-src 'none'");
    }

    @Test
    void writesTheFileWithTheBaselineVerdicts() throws IOException {
        List<TaskVerdict> baseline = List.of(new TaskVerdict("SreEvalTest", "tools/restart", "gpt-4o", TaskOutcome.PASSED));

        Path file = HtmlReport.write(dir.resolve("evalunit"), ReportFixtures.run(), Map.of(), Optional.of(baseline), Prices.none());

        assertThat(file).hasFileName(HtmlReport.REPORT_FILE);
        assertThat(Files.readString(file)).contains("\"baseline\":[{\"suite\":\"SreEvalTest\",\"task\":\"tools/restart\"");
        assertThat(dir.resolve("evalunit").resolve(HtmlReport.REPORT_FILE + ".tmp")).doesNotExist();
    }

    @Test
    void carriesEachPricedModelsCostAndTheRunsWhenAllArePriced() {
        // gpt-4o: 140 in / 40 out; gpt-4o-mini: 10 in / 5 out (ReportFixtures), at 1000 per million each way.
        String html = HtmlReport.render(ReportFixtures.run(), Map.of(), Optional.empty(),
                Prices.parse("gpt-4o=1000/1000,gpt-4o-mini=1000/1000", "evalunit.prices"));

        assertThat(data(html)).contains("\"costs\":{\"byModel\":{\"gpt-4o\":\"0.1800\",\"gpt-4o-mini\":\"0.0150\"},"
                + "\"total\":\"0.1950\"}");
    }

    @Test
    void givesNoRunCostWhenAModelHasNoPriceAndNoCostsWithoutPrices() {
        String partly = HtmlReport.render(ReportFixtures.run(), Map.of(), Optional.empty(),
                Prices.parse("gpt-4o=1000/1000", "evalunit.prices"));
        String unpriced = HtmlReport.render(ReportFixtures.run(), Map.of(), Optional.empty(), Prices.none());

        assertThat(data(partly)).contains("\"costs\":{\"byModel\":{\"gpt-4o\":\"0.1800\"}}");
        assertThat(data(unpriced)).doesNotContain("\"costs\"");
    }

    @Test
    void theFileWrittenAsItGoesIsTheReportAndItsDataIsTheRunsJson() throws IOException {
        List<TaskRecord> run = ReportFixtures.run();
        String rendered = HtmlReport.render(run, Map.of(), Optional.empty(), Prices.none());

        Path file = HtmlReport.write(dir, run, Map.of(), Optional.empty(), Prices.none());

        assertThat(Files.readString(file)).isEqualTo(rendered);
        String data = data(rendered).substring("id=\"evalunit-data\">".length());
        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(data);
        // As text: a number read back is the smallest node that holds it, not the one it was written from.
        assertThat(json.path("summary").toString())
                .isEqualTo(ResultsJson.summary(Summary.of(run, Optional.empty(), Map.of())).toString());
        assertThat(json.path("tasks")).hasSize(run.size());
        for (int i = 0; i < run.size(); i++) {
            assertThat(json.path("tasks").get(i).toString()).isEqualTo(ResultsJson.task(run.get(i)).toString());
        }
    }

    @Test
    void aReportFromTheResultsFileHasEveryTasksSpansThoughTheTasksGivenHaveNone() throws IOException {
        List<TaskRecord> run = ReportFixtures.run();
        try (ResultsWriter writer = ResultsFiles.open(dir)) {
            writer.add(Records.failed("tools/oom")); // scored again below: only its latest line counts
            for (TaskRecord task : run) {
                writer.add(task);
            }
        }
        Results slim = ResultsFiles.readResults(dir, false);
        assertThat(slim.latest()).allSatisfy(task -> assertThat(task.trials())
                .allSatisfy(trial -> assertThat(trial.spans()).isEmpty()));
        assertThat(run).anySatisfy(task -> assertThat(task.trials()).anySatisfy(trial -> assertThat(trial.spans()).isNotEmpty()));

        // Another execution of the build appends after the read: the report stays the read's.
        Files.writeString(dir.resolve(ResultsFiles.RESULTS_FILE), ResultsJson.line(Records.passed("tools/disk")) + "\n"
                + ResultsJson.line(Records.failed("tools/oom")) + "\n", java.nio.file.StandardOpenOption.APPEND);

        Path file = HtmlReport.write(dir, slim.latest(), Map.of(), Optional.empty(), Prices.none(), dir,
                slim.occurrences());

        assertThat(Files.readString(file)).isEqualTo(HtmlReport.render(run, Map.of(), Optional.empty(), Prices.none()));
    }

    private static String data(String html) {
        int start = html.indexOf("id=\"evalunit-data\">");
        return html.substring(start, html.indexOf("</script>", start));
    }

    @Test
    void refusesATaskGivenTwice() {
        TaskRecord task = Records.passed("tools/oom");

        assertThatThrownBy(() -> HtmlReport.render(List.of(task, task), Map.of(), Optional.empty(), Prices.none()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("task scored twice");
    }
}
