package shop;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;

import java.util.ArrayList;
import java.util.List;

/** Imports stock records from a CSV export; a malformed record is skipped and reported. */
public class ImportJob {

    record StockRecord(int id, String sku, int quantity) {
    }

    static final List<String> LINES = List.of(
            "1,mug,3",
            "2,tee,5",
            "3,cap,x",
            "4,bag,1",
            "5,pen,10");

    private final List<StockRecord> imported = new ArrayList<>();
    private final Tracer tracer;

    ImportJob(Tracer tracer) {
        this.tracer = tracer;
    }

    void run() {
        Span batch = tracer.spanBuilder("import batch").setAttribute("import.records", (long) LINES.size()).startSpan();
        try (Scope ignored = batch.makeCurrent()) {
            for (String line : LINES) {
                String id = line.split(",")[0];
                Span span = tracer.spanBuilder("import record").setAttribute("record.id", id).startSpan();
                try (Scope inner = span.makeCurrent()) {
                    importLine(line);
                } catch (NumberFormatException e) {
                    span.recordException(e);
                    span.setStatus(StatusCode.ERROR);
                    System.out.println("skipped record " + id + ": " + e.getMessage());
                } finally {
                    span.end();
                }
            }
            System.out.println("imported " + imported.size() + " of " + LINES.size() + " records");
        } finally {
            batch.end();
        }
    }

    private void importLine(String line) {
        String[] fields = line.split(",");
        imported.add(new StockRecord(Integer.parseInt(fields[0]), fields[1], Integer.parseInt(fields[2])));
    }

    public static void main(String[] args) {
        Tracer tracer = AutoConfiguredOpenTelemetrySdk.initialize().getOpenTelemetrySdk().getTracer("shop.import");
        new ImportJob(tracer).run();
    }
}
