package shop;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;

import java.util.Map;

/** The nightly billing run: one invoice per customer with usage. */
public class BillingJob {

    private static final Resource SERVICE = Resource.create(Attributes.builder()
            .put("service.name", "billing")
            .put("service.version", "2.3.1")
            .put("deployment.environment.name", "staging")
            .build());

    public static void main(String[] args) {
        OpenTelemetry openTelemetry = AutoConfiguredOpenTelemetrySdk.builder()
                .addResourceCustomizer((resource, config) -> SERVICE.merge(resource))
                .build()
                .getOpenTelemetrySdk();
        Span span = openTelemetry.getTracer("shop.billing").spanBuilder("run billing").startSpan();
        try (Scope ignored = span.makeCurrent()) {
            Map<String, Long> usage = Map.of("acme", 1200L, "globex", 340L);
            long invoices = usage.values().stream().filter(cents -> cents > 0).count();
            span.setAttribute("billing.invoices", invoices);
            System.out.println("issued " + invoices + " invoices");
        } finally {
            span.end();
        }
    }
}
