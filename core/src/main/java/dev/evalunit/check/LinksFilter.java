package dev.evalunit.check;

import io.opentelemetry.sdk.trace.data.SpanData;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/** A counted span has a number of links (to spans of other traces or of its own, such as a batch's messages). */
record LinksFilter(Comparison links) implements SpanFilter {

    LinksFilter {
        Objects.requireNonNull(links, "links");
    }

    @Override
    public Optional<String> mismatch(SpanData span, SpanIndex trial) {
        int actual = span.getLinks().size();
        return links.test(BigDecimal.valueOf(actual)) ? Optional.empty()
                : Optional.of("links were " + actual + ", expected " + links);
    }
}
