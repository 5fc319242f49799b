package dev.evalunit.check;

import org.apiguardian.api.API;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.trace.data.SpanData;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

/**
 * A check on the log records a code task's run exported over OTLP ({@code expect.logs} in task
 * files): how many records satisfy every condition (body, severity, attributes compared with the
 * types {@link AttributeCondition} uses, and {@code in_span}: the record's trace and span ids point
 * to an exported span that satisfies a {@link SpanCondition}). Reads the trial's
 * {@link RunOutcome}; a trial without one fails it. A failure lists the records received (at
 * most {@value #SHOWN}) and why each does not match.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @since 0.1.0
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class LogExpectation implements Check {

    /** How many records a failure message describes. */
    static final int SHOWN = 5;

    private final String label;
    private final List<Condition> conditions;
    private final Comparison count;

    private LogExpectation(Builder builder) {
        this.label = "logs[" + builder.index + "]";
        this.conditions = List.copyOf(builder.conditions);
        this.count = builder.count;
    }

    /** @return a builder for the {@code index}-th item of {@code expect.logs} */
    public static Builder builder(int index) {
        return new Builder(index);
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public CheckResult evaluate(Evidence evidence) {
        Optional<RunOutcome> run = evidence.attachment(RunOutcome.class);
        if (run.isEmpty()) {
            return RunChecks.nothingRan(label);
        }
        List<LogRecordData> logs = run.get().exportedLogs();
        SpanIndex spans = new SpanIndex(evidence.spans());
        Map<String, SpanData> byId = new LinkedHashMap<>();
        evidence.spans().forEach(span -> byId.put(span.getTraceId() + "/" + span.getSpanId(), span));
        List<String> misses = new ArrayList<>();
        int matching = 0;
        for (LogRecordData log : logs) {
            Optional<String> miss = mismatch(log, byId, spans);
            if (miss.isEmpty()) {
                matching++;
            } else if (misses.size() < SHOWN) {
                misses.add(describe(log) + ": " + miss.get());
            }
        }
        String found = matching + " of " + records(logs.size()) + " matched";
        if (count.test(BigDecimal.valueOf(matching))) {
            return CheckResult.pass(label, found);
        }
        String shown = misses.isEmpty() ? "" : "; " + String.join("; ", misses)
                + (logs.size() - matching > misses.size() ? "; …" : "");
        return CheckResult.fail(label, "expected " + count + " log records " + this + ", " + found + shown
                + (logs.isEmpty() ? " (no process exported a log record to OTEL_EXPORTER_OTLP_ENDPOINT)" : ""));
    }

    private Optional<String> mismatch(LogRecordData log, Map<String, SpanData> byId, SpanIndex spans) {
        for (Condition condition : conditions) {
            Optional<String> miss = condition.mismatch(log, byId, spans);
            if (miss.isPresent()) {
                return miss;
            }
        }
        return Optional.empty();
    }

    /** @return the conditions as a failure message names them */
    @Override
    public String toString() {
        return conditions.isEmpty() ? "(any)" : conditions.stream().map(Condition::describe)
                .collect(Collectors.joining(", ", "with ", ""));
    }

    static String records(int count) {
        return count + (count == 1 ? " log record" : " log records");
    }

    private static String describe(LogRecordData log) {
        String body = log.getBodyValue() == null ? "" : log.getBodyValue().asString();
        SpanContext context = log.getSpanContext();
        return "[" + (log.getSeverity() == Severity.UNDEFINED_SEVERITY_NUMBER ? "no severity" : log.getSeverity().name())
                + (context.isValid() ? " in span " + SpanIndex.shortId(context.getSpanId()) : " outside a span")
                + "] " + Excerpt.quote(Excerpt.shortened(body, 80));
    }

    /** @return the value of the attribute named {@code key} in the typed form span attributes have, or {@code null} */
    static Object attribute(Attributes attributes, String key) {
        return attributes.asMap().entrySet().stream().filter(entry -> entry.getKey().getKey().equals(key))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    /** One condition on a log record. */
    private interface Condition {
        Optional<String> mismatch(LogRecordData log, Map<String, SpanData> byId, SpanIndex spans);

        String describe();
    }

    /** Builds a {@link LogExpectation}; every condition must hold for a record to be counted. */
    @API(status = EXPERIMENTAL, since = "0.1.0")
    public static final class Builder {

        private final int index;
        private final List<Condition> conditions = new ArrayList<>();
        private Comparison count = new Comparison(Comparison.Operator.GE, BigDecimal.ONE);

        private Builder(int index) {
            this.index = index;
        }

        /** @return this; the body, as text, is exactly {@code text} */
        public Builder bodyEquals(String text) {
            Objects.requireNonNull(text, "text");
            conditions.add(condition("body = " + Excerpt.quote(text), log -> {
                String body = body(log);
                return body.equals(text) ? Optional.empty() : Optional.of("body was " + Excerpt.quote(
                        Excerpt.shortened(body, 120)) + ", expected " + Excerpt.quote(text));
            }));
            return this;
        }

        /** @return this; the body, as text, contains {@code text} */
        public Builder bodyContains(String text) {
            Objects.requireNonNull(text, "text");
            conditions.add(condition("body containing " + Excerpt.quote(text), log -> {
                String body = body(log);
                return body.contains(text) ? Optional.empty() : Optional.of("body " + Excerpt.quote(
                        Excerpt.shortened(body, 120)) + " does not contain " + Excerpt.quote(text));
            }));
            return this;
        }

        /**
         * @param name a severity such as {@code ERROR}: any of its numbers ({@code ERROR} to {@code ERROR4})
         *        passes, or exactly {@code ERROR2} when a number is given
         * @return this
         * @throws IllegalArgumentException when {@code name} is no OpenTelemetry severity
         */
        public Builder severity(String name) {
            Objects.requireNonNull(name, "name");
            Severity exact = Severity.valueOf(name);
            boolean family = !Character.isDigit(name.charAt(name.length() - 1));
            conditions.add(condition("severity " + name, log -> {
                Severity severity = log.getSeverity();
                boolean ok = family ? severity.name().replaceAll("\\d$", "").equals(name) : severity == exact;
                return ok ? Optional.empty() : Optional.of("severity was " + severity.name() + ", expected " + name);
            }));
            return this;
        }

        /**
         * @param name a severity such as {@code WARN} or {@code WARN3}: the record's severity number is at
         *        least that one's ({@code WARN} is the lowest of its family), so {@code ERROR} and
         *        {@code FATAL} pass too and a record without a severity does not
         * @return this
         * @throws IllegalArgumentException when {@code name} is no OpenTelemetry severity
         */
        public Builder severityAtLeast(String name) {
            Objects.requireNonNull(name, "name");
            int least = Severity.valueOf(name).getSeverityNumber();
            conditions.add(condition("severity >= " + name, log -> {
                Severity severity = log.getSeverity();
                return severity.getSeverityNumber() >= least ? Optional.empty()
                        : Optional.of("severity was " + severity.name() + ", expected " + name + " or above");
            }));
            return this;
        }

        /** @return this; the record's attribute {@code key} satisfies {@code condition} */
        public Builder attribute(String key, AttributeCondition condition) {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(condition, "condition");
            conditions.add(condition(key + " " + condition.describe(), log -> {
                Object value = LogExpectation.attribute(log.getAttributes(), key);
                if (condition.test(value)) {
                    return Optional.empty();
                }
                return Optional.of(key + " was " + (value == null ? "absent" : AttributeValues.shown(value))
                        + ", expected " + condition.describe());
            }));
            return this;
        }

        /** @return this; the record was emitted in an exported span that satisfies {@code span} */
        public Builder inSpan(SpanCondition span) {
            Objects.requireNonNull(span, "span");
            conditions.add(new Condition() {
                @Override
                public Optional<String> mismatch(LogRecordData log, Map<String, SpanData> byId, SpanIndex spans) {
                    SpanContext context = log.getSpanContext();
                    if (!context.isValid()) {
                        return Optional.of("it was emitted outside a span (no trace and span id), expected in span "
                                + span);
                    }
                    SpanData found = byId.get(context.getTraceId() + "/" + context.getSpanId());
                    if (found == null) {
                        return Optional.of("its span " + SpanIndex.shortId(context.getSpanId())
                                + " was not exported, expected in span " + span);
                    }
                    return span.mismatch(found, spans).map(why -> "its span " + Excerpt.quote(found.getName())
                            + " does not match in_span: " + why);
                }

                @Override
                public String describe() {
                    return "in span " + span;
                }
            });
            return this;
        }

        /** @return this; how many records must match, {@code >= 1} unless set */
        public Builder count(Comparison count) {
            this.count = Objects.requireNonNull(count, "count");
            return this;
        }

        /** @return the check */
        public LogExpectation build() {
            return new LogExpectation(this);
        }

        private static String body(LogRecordData log) {
            return log.getBodyValue() == null ? "" : log.getBodyValue().asString();
        }

        private static Condition condition(String describe, java.util.function.Function<LogRecordData,
                Optional<String>> test) {
            return new Condition() {
                @Override
                public Optional<String> mismatch(LogRecordData log, Map<String, SpanData> byId, SpanIndex spans) {
                    return test.apply(log);
                }

                @Override
                public String describe() {
                    return describe;
                }
            };
        }
    }
}
