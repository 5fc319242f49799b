package dev.evalunit.report;

import org.apiguardian.api.API;

import com.fasterxml.jackson.databind.node.ObjectNode;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * The report people look at: one self-contained HTML file ({@value #REPORT_FILE}) with the run's
 * pass rates per model and tag, the leaderboard, a task table to filter, and per task its checks,
 * trials, conversation and span waterfall; with a baseline, the tasks newly failing and newly
 * passing. It needs no network and opens from {@code file://}. The data it shows is embedded as
 * JSON and rendered as text only, so an answer full of markup shows as markup, never runs.
 *
 * @since 0.1.0
 */
@API(status = INTERNAL, since = "0.1.0")
public final class HtmlReport {

    /** The name of the report file in a report directory. */
    public static final String REPORT_FILE = "report.html";

    private static final String PLACEHOLDER = "/*EVALUNIT_DATA*/";
    private static final String TEMPLATE = template();

    private HtmlReport() {
    }

    /**
     * @param tasks the run's tasks, each (suite, task, model) once; never {@code null}
     * @param suiteTaskCounts suite &rarr; its size before sharding, as {@link Summary#of} takes it; never {@code null}
     * @param baseline the verdicts of an earlier run to compare with, if any; never {@code null}
     * @param prices what each model's tokens cost; the report shows the cost of the models priced; never {@code null}
     * @return the report's HTML
     * @throws IllegalArgumentException if a task is given twice
     */
    public static String render(List<TaskRecord> tasks, Map<String, Integer> suiteTaskCounts,
            Optional<List<TaskVerdict>> baseline, Prices prices) {
        java.io.StringWriter html = new java.io.StringWriter();
        try {
            render(tasks, suiteTaskCounts, baseline, prices, html, Optional.empty());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return html.toString();
    }

    /**
     * Writes the report's HTML to {@code out} as it goes: one task's JSON at a time, never the whole
     * data as one tree or one string (a build of 50,000 tasks would hold hundreds of MB).
     *
     * @param taskLines each task's JSON as {@code results.jsonl} holds it, in the order of {@code tasks};
     *        when empty, written from {@code tasks}
     */
    private static void render(List<TaskRecord> tasks, Map<String, Integer> suiteTaskCounts,
            Optional<List<TaskVerdict>> baseline, Prices prices, Writer out, Optional<TaskLines> taskLines)
            throws IOException {
        Objects.requireNonNull(tasks, "tasks");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(prices, "prices");
        int at = TEMPLATE.indexOf(PLACEHOLDER);
        out.write(TEMPLATE, 0, at);
        try (JsonGenerator json = ResultsJson.generator(new ScriptSafeWriter(out))) {
            json.writeStartObject();
            json.writeFieldName("summary");
            json.writeTree(ResultsJson.summary(Summary.of(tasks, Optional.empty(), suiteTaskCounts)));
            json.writeArrayFieldStart("tasks");
            if (taskLines.isPresent()) {
                // Written by ResultsJson.line and read back once already: JSON, placed as it is.
                taskLines.get().each(json::writeRawValue);
            } else {
                for (TaskRecord task : tasks) {
                    json.writeTree(ResultsJson.task(task));
                }
            }
            json.writeEndArray();
            Optional<ObjectNode> costs = costs(tasks, prices);
            if (costs.isPresent()) {
                json.writeFieldName("costs");
                json.writeTree(costs.get());
            }
            if (baseline.isPresent()) {
                json.writeArrayFieldStart("baseline");
                for (TaskVerdict verdict : baseline.get()) {
                    json.writeStartObject();
                    json.writeStringField("suite", verdict.suite());
                    json.writeStringField("task", verdict.task());
                    json.writeStringField("model", verdict.model());
                    json.writeStringField("status", verdict.status().name().toLowerCase(Locale.ROOT));
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            json.writeEndObject();
        }
        out.write(TEMPLATE, at + PLACEHOLDER.length(), TEMPLATE.length() - at - PLACEHOLDER.length());
    }

    /**
     * Writes {@value #REPORT_FILE} atomically into {@code reportDir}.
     *
     * @param reportDir the directory, created if needed; never {@code null}
     * @param tasks the run's tasks, each (suite, task, model) once; never {@code null}
     * @param suiteTaskCounts suite &rarr; its size before sharding; never {@code null}
     * @param baseline the verdicts of an earlier run to compare with, if any; never {@code null}
     * @param prices what each model's tokens cost; never {@code null}
     * @return the file written
     * @throws IOException if it cannot be written
     */
    public static Path write(Path reportDir, List<TaskRecord> tasks, Map<String, Integer> suiteTaskCounts,
            Optional<List<TaskVerdict>> baseline, Prices prices) throws IOException {
        Objects.requireNonNull(reportDir, "reportDir");
        return ResultsFiles.writeAtomically(reportDir, REPORT_FILE,
                out -> render(tasks, suiteTaskCounts, baseline, prices, out, Optional.empty()));
    }

    /**
     * Writes {@value #REPORT_FILE} atomically into {@code reportDir} for a build whose results are in
     * {@code results}: the figures from {@code tasks}, which may be outlines, and each task's data,
     * spans included, read again from the file line by line, so that a build of tens of thousands of
     * tasks never holds them all as records.
     *
     * @param results the build's {@code results.jsonl}, or its report directory; the lines {@code tasks} were read from
     * @param occurrences how many lines each task had when {@code tasks} were read ({@link BuildResults.Build#occurrences()})
     * @return the file written
     * @throws IOException if it cannot be read or written
     * @see #write(Path, List, Map, Optional, Prices)
     */
    public static Path write(Path reportDir, List<TaskRecord> tasks, Map<String, Integer> suiteTaskCounts,
            Optional<List<TaskVerdict>> baseline, Prices prices, Path results, Map<TaskKey, Integer> occurrences)
            throws IOException {
        Objects.requireNonNull(reportDir, "reportDir");
        Objects.requireNonNull(occurrences, "occurrences");
        return ResultsFiles.writeAtomically(reportDir, REPORT_FILE, out -> render(tasks, suiteTaskCounts, baseline,
                prices, out, Optional.of(each -> ResultsFiles.eachLatestLine(results, occurrences, each))));
    }

    /** Gives each task's line of {@code results.jsonl}, in the order of the tasks. */
    private interface TaskLines {
        void each(ResultsFiles.LineConsumer line) throws IOException;
    }

    /**
     * Each priced model's cost, and the run's when every model is priced (a partial sum would read
     * as the run's cost and be too low); computed here with the same {@link Prices} as the summary
     * text, so the two agree to the digit.
     */
    private static Optional<ObjectNode> costs(List<TaskRecord> tasks, Prices prices) {
        if (prices.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode costs = ResultsJson.object();
        ObjectNode modelCosts = costs.putObject("byModel");
        double total = 0;
        boolean allPriced = true;
        for (Map.Entry<String, TokenUse> entry : TokenUse.byModel(tasks).entrySet()) {
            OptionalDouble cost = prices.cost(entry.getKey(), entry.getValue().input(), entry.getValue().output());
            allPriced &= cost.isPresent();
            if (cost.isPresent()) {
                modelCosts.put(entry.getKey(), Prices.money(cost.getAsDouble()));
                total += cost.getAsDouble();
            }
        }
        if (modelCosts.isEmpty()) {
            return Optional.empty();
        }
        if (allPriced) {
            costs.put("total", Prices.money(total));
        }
        return Optional.of(costs);
    }

    /**
     * JSON inside a script element ends at the first {@code </script}, whatever the JSON says: a
     * model's answer could close the element and start its own. Escaping every {@code <}, {@code >}
     * and {@code &} (and the two line separators JavaScript ends a line at) as the characters pass
     * keeps the JSON equal and the element closed only where the template closes it.
     */
    private static final class ScriptSafeWriter extends java.io.FilterWriter {

        ScriptSafeWriter(Writer out) {
            super(out);
        }

        @Override
        public void write(int c) throws IOException {
            switch (c) {
                case '<' -> out.write("\\u003c");
                case '>' -> out.write("\\u003e");
                case '&' -> out.write("\\u0026");
                case '\u2028' -> out.write("\\u2028");
                case '\u2029' -> out.write("\\u2029");
                default -> out.write(c);
            }
        }

        @Override
        public void write(char[] text, int offset, int length) throws IOException {
            int from = offset;
            for (int i = offset; i < offset + length; i++) {
                char c = text[i];
                if (c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                    out.write(text, from, i - from);
                    write(c);
                    from = i + 1;
                }
            }
            out.write(text, from, offset + length - from);
        }

        @Override
        public void write(String text, int offset, int length) throws IOException {
            char[] part = new char[length];
            text.getChars(offset, offset + length, part, 0);
            write(part, 0, length);
        }

        /** The report's writer stays open: the template's end follows. */
        @Override
        public void close() throws IOException {
            flush();
        }
    }

    private static String template() {
        try (InputStream in = HtmlReport.class.getResourceAsStream("report-template.html")) {
            if (in == null) {
                throw new IllegalStateException("report-template.html is missing from evalunit-core's jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
