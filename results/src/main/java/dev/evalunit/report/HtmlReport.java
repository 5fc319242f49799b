package dev.evalunit.report;

import org.apiguardian.api.API;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
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
        Objects.requireNonNull(tasks, "tasks");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(prices, "prices");
        ObjectNode data = ResultsJson.object();
        data.set("summary", ResultsJson.summary(Summary.of(tasks, Optional.empty(), suiteTaskCounts)));
        ArrayNode taskNodes = data.putArray("tasks");
        tasks.forEach(task -> taskNodes.add(ResultsJson.task(task)));
        costs(tasks, prices).ifPresent(costs -> data.set("costs", costs));
        baseline.ifPresent(verdicts -> {
            ArrayNode verdictNodes = data.putArray("baseline");
            verdicts.forEach(verdict -> verdictNodes.addObject().put("suite", verdict.suite()).put("task", verdict.task())
                    .put("model", verdict.model()).put("status", verdict.status().name().toLowerCase(Locale.ROOT)));
        });
        return TEMPLATE.replace(PLACEHOLDER, scriptSafe(ResultsJson.compact(data)));
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
        return ResultsFiles.writeAtomically(reportDir, REPORT_FILE, render(tasks, suiteTaskCounts, baseline, prices));
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
     * and {@code &} keeps the JSON equal and the element closed only where the template closes it.
     */
    static String scriptSafe(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
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
