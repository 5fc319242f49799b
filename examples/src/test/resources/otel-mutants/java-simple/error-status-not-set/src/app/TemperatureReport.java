package app;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;

import java.util.List;

/** Converts a fixed batch of Celsius readings to Fahrenheit and skips the ones that are not numbers. */
public class TemperatureReport {

    static final List<String> READINGS = List.of("21.5", "-3.0", "abc", "37.0");

    public static void main(String[] args) {
        OpenTelemetry openTelemetry = AutoConfiguredOpenTelemetrySdk.initialize().getOpenTelemetrySdk();
        Tracer tracer = openTelemetry.getTracer("app.temperature");
        Span batch = tracer.spanBuilder("convert readings").setAttribute("readings.count", (long) READINGS.size())
                .startSpan();
        int converted = 0;
        try (Scope ignored = batch.makeCurrent()) {
            for (String reading : READINGS) {
                Span span = tracer.spanBuilder("convert").setAttribute("reading.input", reading).startSpan();
                try (Scope inner = span.makeCurrent()) {
                    double fahrenheit = convert(reading);
                    span.setAttribute("reading.fahrenheit", fahrenheit);
                    System.out.printf("%s C = %.1f F%n", reading, fahrenheit);
                    converted++;
                } catch (NumberFormatException e) {
                    span.recordException(e);
                    System.out.println("skipped " + reading + ": not a number");
                } finally {
                    span.end();
                }
            }
        } finally {
            batch.end();
        }
        System.out.println("converted " + converted + " of " + READINGS.size() + " readings");
    }

    static double convert(String reading) {
        double celsius = Double.parseDouble(reading);
        return celsius * 9 / 5 + 32;
    }
}
