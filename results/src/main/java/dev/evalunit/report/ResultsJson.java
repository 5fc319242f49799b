package dev.evalunit.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.BiFunction;

/**
 * The JSON of the results files, mapped by hand: the field order is the documented one, an absent
 * value is an absent field, and a reader's error names the field that is wrong
 * ({@code trials[0].checks[1].passed}). Unknown fields are ignored, so newer writers can add some.
 */
final class ResultsJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectWriter PRETTY = MAPPER.writer(new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"))
            .withObjectIndenter(new DefaultIndenter("  ", "\n")));

    private ResultsJson() {
    }

    /** Thrown while reading: the JSON is well-formed but not what the format says. */
    static final class ShapeException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        ShapeException(String message) {
            super(message);
        }
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** A generator that writes compact JSON, as {@link #compact} does, to {@code out}, leaving it open when closed. */
    static com.fasterxml.jackson.core.JsonGenerator generator(java.io.Writer out) throws java.io.IOException {
        return MAPPER.getFactory().createGenerator(out)
                .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    static String compact(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a tree Jackson built", e);
        }
    }

    static JsonNode parse(String json) throws JsonProcessingException {
        return MAPPER.readTree(json);
    }

    // ---- writing

    static String line(TaskRecord task) {
        try {
            return MAPPER.writeValueAsString(task(task));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a tree Jackson built", e);
        }
    }

    static String pretty(Summary summary) {
        try {
            return PRETTY.writeValueAsString(summary(summary)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a tree Jackson built", e);
        }
    }

    static ObjectNode task(TaskRecord task) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("suite", task.suite());
        node.put("task", task.task());
        node.put("file", task.file());
        node.put("model", task.model());
        ArrayNode tags = node.putArray("tags");
        task.tags().forEach(tags::add);
        node.put("status", status(task.status()));
        ArrayNode trials = node.putArray("trials");
        for (TrialRecord trial : task.trials()) {
            ObjectNode trialNode = trials.addObject();
            trialNode.put("trial", trial.trial());
            trialNode.put("passed", trial.passed());
            trialNode.put("durationMs", trial.durationMs());
            ArrayNode checks = trialNode.putArray("checks");
            for (CheckRecord check : trial.checks()) {
                checks.addObject().put("check", check.check()).put("passed", check.passed()).put("message", check.message());
            }
            trialNode.put("inputTokens", trial.inputTokens());
            trialNode.put("outputTokens", trial.outputTokens());
            trial.failure().ifPresent(failure -> trialNode.put("failure", failure));
            trial.error().ifPresent(error -> trialNode.put("error", error));
            if (!trial.transcript().isEmpty()) {
                ArrayNode transcript = trialNode.putArray("transcript");
                for (MessageRecord message : trial.transcript()) {
                    ObjectNode messageNode = transcript.addObject().put("role", message.role());
                    message.tool().ifPresent(tool -> messageNode.put("tool", tool));
                    message.arguments().ifPresent(arguments -> messageNode.put("arguments", arguments));
                    messageNode.put("content", message.content());
                }
            }
            if (!trial.spans().isEmpty()) {
                ArrayNode spans = trialNode.putArray("spans");
                for (SpanRecord span : trial.spans()) {
                    ObjectNode spanNode = spans.addObject().put("name", span.name()).put("spanId", span.spanId());
                    span.parentSpanId().ifPresent(parent -> spanNode.put("parentSpanId", parent));
                    spanNode.put("startNanos", span.startNanos()).put("durationNanos", span.durationNanos())
                            .put("status", span.status());
                    ObjectNode attributes = spanNode.putObject("attributes");
                    span.attributes().forEach(attributes::put);
                }
            }
        }
        node.put("passedTrials", task.passedTrials());
        node.put("pass", task.pass());
        node.put("durationMs", task.durationMs());
        task.version().ifPresent(version -> node.put("version", version));
        task.clusterKey().ifPresent(cluster -> node.put("cluster", cluster));
        return node;
    }

    static ObjectNode summary(Summary summary) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("formatVersion", summary.formatVersion());
        putFigures(node, summary.figures());
        ObjectNode byTag = node.putObject("byTag");
        summary.byTag().forEach((tag, figures) -> putFigures(byTag.putObject(tag), figures));
        ObjectNode byModel = node.putObject("byModel");
        summary.byModel().forEach((model, modelFigures) -> {
            ObjectNode modelNode = byModel.putObject(model);
            putFigures(modelNode, modelFigures.figures());
            ObjectNode modelByTag = modelNode.putObject("byTag");
            modelFigures.byTag().forEach((tag, figures) -> putFigures(modelByTag.putObject(tag), figures));
        });
        summary.shard().ifPresent(shard -> node.putObject("shard").put("index", shard.index()).put("total", shard.total()));
        ObjectNode suites = node.putObject("suites");
        summary.suites().forEach(suites::put);
        summary.sandbox().ifPresent(sandbox -> node.put("sandbox", sandbox));
        ArrayNode tasks = node.putArray("tasks");
        for (TaskVerdict verdict : summary.tasks()) {
            tasks.addObject().put("suite", verdict.suite()).put("task", verdict.task()).put("model", verdict.model())
                    .put("status", status(verdict.status())).put("trials", verdict.trials())
                    .put("passedTrials", verdict.passedTrials()).put("cluster", verdict.cluster());
        }
        StatisticsJson.put(node, summary);
        return node;
    }

    private static void putFigures(ObjectNode node, Figures figures) {
        node.put("total", figures.total());
        node.put("passed", figures.passed());
        node.put("failed", figures.failed());
        node.put("errors", figures.errors());
        figures.passRate().ifPresent(rate -> node.put("passRate", rate));
        figures.passRateLow().ifPresent(rate -> node.put("passRateLow", rate));
        figures.passRateHigh().ifPresent(rate -> node.put("passRateHigh", rate));
        if (!figures.passAtK().isEmpty()) {
            ObjectNode passAtK = node.putObject("passAtK");
            figures.passAtK().forEach((k, value) -> passAtK.put(k.toString(), value));
            ObjectNode passHatK = node.putObject("passHatK");
            figures.passHatK().forEach((k, value) -> passHatK.put(k.toString(), value));
        }
    }

    private static String status(TaskOutcome outcome) {
        return outcome.name().toLowerCase(Locale.ROOT);
    }

    // ---- reading

    static TaskRecord task(JsonNode json) {
        Fields node = Fields.root(json);
        List<TrialRecord> trials = node.array("trials", ResultsJson::trial);
        return new TaskRecord(node.text("suite"), node.text("task"), node.text("file"), node.text("model"),
                node.array("tags", (tag, path) -> tag.text()), node.status("status"), trials,
                node.integer("passedTrials", 0, trials.size()), node.text("pass"), node.count("durationMs"),
                node.optionalText("version"),
                node.optionalText("cluster"));
    }

    private static TrialRecord trial(Fields element, String path) {
        Fields trial = element.asObject();
        return new TrialRecord(trial.integer("trial", 1, Integer.MAX_VALUE), trial.bool("passed"), trial.count("durationMs"),
                trial.array("checks", (checkElement, checkPath) -> {
                    Fields check = checkElement.asObject();
                    return new CheckRecord(check.text("check"), check.bool("passed"), check.text("message"));
                }),
                trial.count("inputTokens"), trial.count("outputTokens"),
                trial.optionalText("failure"), trial.optionalText("error"),
                trial.optionalArray("transcript", (messageElement, messagePath) -> {
                    Fields message = messageElement.asObject();
                    return new MessageRecord(message.text("role"), message.text("content"), message.optionalText("tool"),
                            message.optionalText("arguments"));
                }),
                trial.optionalArray("spans", (spanElement, spanPath) -> {
                    Fields span = spanElement.asObject();
                    return new SpanRecord(span.text("name"), span.text("spanId"), span.optionalText("parentSpanId"),
                            span.count("startNanos"), span.count("durationNanos"), span.text("status"),
                            span.optionalObject("attributes").map(attributes -> attributes.object("", (value, valuePath) -> value.text()))
                                    .orElse(Map.of()));
                }));
    }

    static Summary summary(JsonNode json) {
        Fields node = Fields.root(json);
        int formatVersion = node.integer("formatVersion", 1, Integer.MAX_VALUE);
        if (formatVersion > Summary.FORMAT_VERSION) {
            throw new ShapeException("formatVersion " + formatVersion + " is newer than this EvalUnit reads ("
                    + Summary.FORMAT_VERSION + "): use the EvalUnit that wrote it, or a newer one");
        }
        Figures figures = figures(node);
        Map<String, Figures> byTag = node.object("byTag", (tag, path) -> figures(tag));
        Map<String, ModelFigures> byModel = node.object("byModel", (model, path) -> new ModelFigures(
                figures(model), model.asObject().object("byTag", (tag, tagPath) -> figures(tag))));
        Optional<Shard> shard = node.optionalObject("shard").map(shardNode -> {
            int total = shardNode.integer("total", 1, Integer.MAX_VALUE);
            return new Shard(shardNode.integer("index", 1, total), total);
        });
        Map<String, Integer> suites = node.object("suites", (count, path) -> count.asInteger(0, Integer.MAX_VALUE));
        List<TaskVerdict> tasks = node.array("tasks", (element, path) -> {
            Fields task = element.asObject();
            TaskVerdict verdict = new TaskVerdict(task.text("suite"), task.text("task"), task.text("model"),
                    task.status("status"));
            if (task.optionalText("cluster").isEmpty()) {
                return verdict; // written before trial counts were recorded
            }
            int trials = task.integer("trials", 1, Integer.MAX_VALUE);
            return new TaskVerdict(verdict.suite(), verdict.task(), verdict.model(), verdict.status(), trials,
                    task.integer("passedTrials", 0, trials), task.text("cluster"));
        });
        return new Summary(formatVersion, figures, byTag, byModel, shard, suites, tasks, node.optionalText("sandbox"));
    }

    private static Figures figures(Fields element) {
        Fields node = element.asObject();
        int total = node.integer("total", 0, Integer.MAX_VALUE);
        int passed = node.integer("passed", 0, Integer.MAX_VALUE);
        int failed = node.integer("failed", 0, Integer.MAX_VALUE);
        int errors = node.integer("errors", 0, Integer.MAX_VALUE);
        if (total != passed + failed + errors) {
            throw new ShapeException(node.where("total") + " is " + total + " but passed + failed + errors is "
                    + (passed + failed + errors));
        }
        boolean scored = passed + failed > 0;
        OptionalDouble passRate = node.rate("passRate", scored);
        OptionalDouble low = node.rate("passRateLow", scored);
        OptionalDouble high = node.rate("passRateHigh", scored);
        Map<Integer, Double> passAtK = byK(node, "passAtK");
        Map<Integer, Double> passHatK = byK(node, "passHatK");
        return new Figures(total, passed, failed, errors, passRate, low, high, passAtK, passHatK);
    }

    private static Map<Integer, Double> byK(Fields node, String name) {
        if (node.optionalObject(name).isEmpty()) {
            return Map.of();
        }
        Map<String, Double> byText = node.object(name, (value, path) -> value.asRate());
        Map<Integer, Double> byK = new LinkedHashMap<>();
        byText.forEach((k, value) -> {
            try {
                int parsed = Integer.parseInt(k);
                if (parsed < 1) {
                    throw new NumberFormatException();
                }
                byK.put(parsed, value);
            } catch (NumberFormatException e) {
                throw new ShapeException(node.where(name) + " has key \"" + k + "\": keys are k = 1, 2, ...");
            }
        });
        return byK;
    }

    /** A JSON node with its path, for messages that say which field is wrong. */
    private record Fields(JsonNode node, String path) {

        static Fields root(JsonNode json) {
            if (!json.isObject()) {
                throw new ShapeException("expected a JSON object, found " + kind(json));
            }
            return new Fields(json, "");
        }

        String where(String field) {
            return "\"" + (path.isEmpty() ? field : path + "." + field) + "\"";
        }

        private JsonNode required(String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                throw new ShapeException(where(field) + " is missing");
            }
            return value;
        }

        private Fields child(String field) {
            return new Fields(node.get(field), path.isEmpty() ? field : path + "." + field);
        }

        String text(String field) {
            required(field);
            return child(field).text();
        }

        /** @return this node, checked to be an object */
        Fields asObject() {
            if (!node.isObject()) {
                throw new ShapeException("\"" + path + "\" must be an object, found " + kind(node));
            }
            return this;
        }

        String text() {
            if (!node.isTextual()) {
                throw new ShapeException("\"" + path + "\" must be a string, found " + kind(node));
            }
            return node.textValue();
        }

        Optional<String> optionalText(String field) {
            JsonNode value = node.get(field);
            return value == null || value.isNull() ? Optional.empty() : Optional.of(child(field).text());
        }

        boolean bool(String field) {
            JsonNode value = required(field);
            if (!value.isBoolean()) {
                throw new ShapeException(where(field) + " must be true or false, found " + kind(value));
            }
            return value.booleanValue();
        }

        int integer(String field, int min, int max) {
            required(field);
            return child(field).asInteger(min, max);
        }

        int asInteger(int min, int max) {
            if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < min || node.intValue() > max) {
                throw new ShapeException("\"" + path + "\" must be a whole number" + range(min, max) + ", found " + kind(node));
            }
            return node.intValue();
        }

        long count(String field) {
            JsonNode value = required(field);
            if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
                throw new ShapeException(where(field) + " must be a whole number >= 0, found " + kind(value));
            }
            return value.longValue();
        }

        double asRate() {
            if (!node.isNumber() || !(node.doubleValue() >= 0 && node.doubleValue() <= 1)) {
                throw new ShapeException("\"" + path + "\" must be a number from 0 to 1, found " + kind(node));
            }
            return node.doubleValue();
        }

        OptionalDouble rate(String field, boolean expected) {
            JsonNode value = node.get(field);
            boolean present = value != null && !value.isNull();
            if (present != expected) {
                throw new ShapeException(where(field) + (expected ? " is missing: some task was scored"
                        : " is present, but no task was scored"));
            }
            return present ? OptionalDouble.of(child(field).asRate()) : OptionalDouble.empty();
        }

        TaskOutcome status(String field) {
            String value = text(field);
            for (TaskOutcome outcome : TaskOutcome.values()) {
                if (ResultsJson.status(outcome).equals(value)) {
                    return outcome;
                }
            }
            throw new ShapeException(where(field) + " must be one of passed, failed, error, found \"" + value + "\"");
        }

        <T> List<T> array(String field, BiFunction<Fields, String, T> element) {
            JsonNode value = required(field);
            if (!value.isArray()) {
                throw new ShapeException(where(field) + " must be an array, found " + kind(value));
            }
            String arrayPath = path.isEmpty() ? field : path + "." + field;
            List<T> elements = new ArrayList<>();
            for (int i = 0; i < value.size(); i++) {
                String elementPath = arrayPath + "[" + i + "]";
                elements.add(element.apply(new Fields(value.get(i), elementPath), elementPath));
            }
            return elements;
        }

        <T> List<T> optionalArray(String field, BiFunction<Fields, String, T> element) {
            JsonNode value = node.get(field);
            return value == null || value.isNull() ? List.of() : array(field, element);
        }

        <T> Map<String, T> object(String field, BiFunction<Fields, String, T> entry) {
            // The empty field name means this node itself (an object reached through optionalObject).
            JsonNode value = field.isEmpty() ? node : required(field);
            if (!value.isObject()) {
                throw new ShapeException(where(field) + " must be an object, found " + kind(value));
            }
            String objectPath = field.isEmpty() ? path : path.isEmpty() ? field : path + "." + field;
            Map<String, T> entries = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> item : value.properties()) {
                String entryPath = objectPath + "." + item.getKey();
                entries.put(item.getKey(), entry.apply(new Fields(item.getValue(), entryPath), entryPath));
            }
            return entries;
        }

        Optional<Fields> optionalObject(String field) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                return Optional.empty();
            }
            if (!value.isObject()) {
                throw new ShapeException(where(field) + " must be an object, found " + kind(value));
            }
            return Optional.of(child(field));
        }

        private static String range(int min, int max) {
            return max == Integer.MAX_VALUE ? " >= " + min : " from " + min + " to " + max;
        }

        private static String kind(JsonNode value) {
            String text = value.toString();
            return value.getNodeType().name().toLowerCase(Locale.ROOT) + " "
                    + (text.length() > 40 ? text.substring(0, 40) + "…" : text);
        }
    }
}
