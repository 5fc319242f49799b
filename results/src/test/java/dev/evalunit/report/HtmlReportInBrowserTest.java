package dev.evalunit.report;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The report as a user sees it: opened from file:// in headless Chromium. */
class HtmlReportInBrowserTest {

    private static final Path OUT = Path.of("target", "report-in-browser").toAbsolutePath();

    private static HeadlessChromium chromium;
    private static Path report;

    @BeforeAll
    static void writeTheReport() throws IOException {
        Files.createDirectories(OUT);
        Optional<HeadlessChromium> found = HeadlessChromium.find(OUT);
        Assumptions.assumeTrue(found.isPresent(),
                "no Chromium here (/usr/bin/chromium): the report's browser test is skipped; apt-get install -y chromium runs it");
        chromium = found.get();
        List<TaskVerdict> baseline = List.of(
                new TaskVerdict("SreEvalTest", "tools/restart", "gpt-4o", TaskOutcome.PASSED),
                new TaskVerdict("SreEvalTest", "tools/oom", "gpt-4o", TaskOutcome.FAILED));
        report = HtmlReport.write(OUT, ReportFixtures.run(), Map.of(), Optional.of(baseline), Prices.none());
    }

    @Test
    void showsTheCountsTheFailedTasksMessageAndOneBarPerSpan() throws Exception {
        HeadlessChromium.Page page = chromium.load(report.toUri() + "#task=" + ReportFixtures.FAILED_TASK);

        assertThat(page.console()).as("console messages of the report").isEmpty();
        assertThat(page.dom()).contains("data-rendered=\"true\"");
        assertThat(text(page.dom(), "count-total")).isEqualTo("4");
        assertThat(text(page.dom(), "count-passed")).isEqualTo("1");
        assertThat(text(page.dom(), "count-failed")).isEqualTo("2");
        assertThat(text(page.dom(), "count-errors")).isEqualTo("1");
        assertThat(text(page.dom(), "detail-title")).isEqualTo("tools/restart [gpt-4o]: failed");
        assertThat(page.dom()).contains("<pre class=\"check-message\">" + ReportFixtures.FAILED_MESSAGE + "</pre>");
        assertThat(count(page.dom(), "class=\"bar ")).isEqualTo(ReportFixtures.SPANS);
        // Hostile text is shown as text: no element came of it.
        assertThat(page.dom()).contains("&lt;img src=x onerror=alert(2)&gt;").doesNotContain("<img");
        assertThat(page.dom()).containsPattern("id=\"newly-failing\"><li>SreEvalTest tools/restart \\[gpt-4o\\]: failed</li></ul>");
        assertThat(page.dom()).containsPattern("id=\"newly-passing\"><li>SreEvalTest tools/oom \\[gpt-4o\\]: passed</li></ul>");

        Path png = OUT.resolve("report.png");
        chromium.screenshot(report.toUri() + "#task=" + ReportFixtures.FAILED_TASK, png);
        assertThat(Files.readAllBytes(png)).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void showsEachModelsCostAndTheRunsWithPrices() throws Exception {
        Path priced = HtmlReport.write(OUT.resolve("priced"), ReportFixtures.run(), Map.of(), Optional.empty(),
                Prices.parse("gpt-4o=1000/1000,gpt-4o-mini=1000/1000", "evalunit.prices"));

        HeadlessChromium.Page page = chromium.load(priced.toUri().toString());

        assertThat(page.console()).as("console messages of the report").isEmpty();
        assertThat(text(page.dom(), "cost")).isEqualTo("0.1950");
        assertThat(page.dom()).containsPattern("<th>cost</th></tr>")
                .containsPattern("<td>gpt-4o</td>(<td>[^<]*</td>){6}<td>0.1800</td></tr>")
                .containsPattern("<td>gpt-4o-mini</td>(<td>[^<]*</td>){6}<td>0.0150</td></tr>");
    }

    @Test
    void showsNoCostWithoutPrices() throws Exception {
        HeadlessChromium.Page page = chromium.load(report.toUri().toString());

        assertThat(page.dom()).contains("data-rendered=\"true\"").doesNotContain("id=\"cost\"")
                .doesNotContain("<th>cost</th>");
    }

    private static String text(String dom, String id) {
        Matcher matcher = Pattern.compile("id=\"" + id + "\"[^>]*>([^<]*)<").matcher(dom);
        assertThat(matcher.find()).as("an element #" + id + " in the rendered report").isTrue();
        return matcher.group(1);
    }

    private static int count(String dom, String needle) {
        int count = 0;
        for (int at = dom.indexOf(needle); at >= 0; at = dom.indexOf(needle, at + 1)) {
            count++;
        }
        return count;
    }
}
