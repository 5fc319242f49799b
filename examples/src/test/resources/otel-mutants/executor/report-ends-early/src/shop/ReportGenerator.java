package shop;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Builds the daily report from three sections fetched in parallel. */
public class ReportGenerator {

    private static final List<String> SECTIONS = List.of("sales", "stock", "returns");

    // Context.taskWrapping carries the caller's context (and so its span) into every task.
    private final ExecutorService pool = Executors.newFixedThreadPool(3);
    private final ExecutorService tracedPool = Context.taskWrapping(pool);
    private final Tracer tracer;

    ReportGenerator(Tracer tracer) {
        this.tracer = tracer;
    }

    String generate() throws Exception {
        Span span = tracer.spanBuilder("generate report").startSpan();
        try (Scope ignored = span.makeCurrent()) {
            Map<String, Future<Integer>> futures = new LinkedHashMap<>();
            for (String section : SECTIONS) {
                futures.put(section, tracedPool.submit(() -> fetchSection(section)));
            }
            span.end();
            List<String> parts = new ArrayList<>();
            for (Map.Entry<String, Future<Integer>> future : futures.entrySet()) {
                parts.add(future.getKey() + "=" + future.getValue().get());
            }
            return "report: " + String.join(", ", parts);
        } finally {
            span.end();
        }
    }

    private int fetchSection(String section) throws InterruptedException {
        Span span = tracer.spanBuilder("fetch section").setAttribute("report.section", section).startSpan();
        try (Scope ignored = span.makeCurrent()) {
            Thread.sleep(20); // the warehouse database, stubbed
            return section.length() * 100;
        } finally {
            span.end();
        }
    }

    public static void main(String[] args) throws Exception {
        Tracer tracer = AutoConfiguredOpenTelemetrySdk.initialize().getOpenTelemetrySdk().getTracer("shop.reports");
        ReportGenerator generator = new ReportGenerator(tracer);
        try {
            System.out.println(generator.generate());
        } finally {
            generator.pool.shutdown();
        }
    }
}
