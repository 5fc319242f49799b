package dev.evalunit.check;

import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A counted span has a number of links (to spans of other traces or of its own, such as a batch's
 * messages); optionally each to a different span, and each to a captured span that satisfies a
 * condition (so four links to the same message, or to spans that are not the messages, fail).
 */
record LinksFilter(Comparison links, boolean distinct, Optional<SpanCondition> target) implements SpanFilter {

    LinksFilter {
        Objects.requireNonNull(links, "links");
        Objects.requireNonNull(target, "target");
    }

    LinksFilter(Comparison links) {
        this(links, false, Optional.empty());
    }

    /** A plain count says all there is to say; where distinct links or their targets go wrong, the tree shows it. */
    @Override
    public boolean structural() {
        return distinct || target.isPresent();
    }

    @Override
    public Optional<String> mismatch(SpanData span, SpanIndex trial) {
        List<LinkData> all = span.getLinks();
        int actual = all.size();
        if (!links.test(BigDecimal.valueOf(actual))) {
            return Optional.of("links were " + actual + ", expected " + links);
        }
        if (distinct) {
            long different = all.stream().map(link -> key(link.getSpanContext())).distinct().count();
            if (different != actual) {
                return Optional.of("links pointed to " + different + " different spans among " + actual
                        + ", expected each to a different span");
            }
        }
        if (target.isPresent()) {
            Map<String, SpanData> byId = new HashMap<>();
            trial.all().forEach(candidate -> byId.putIfAbsent(key(candidate.getSpanContext()), candidate));
            for (int i = 0; i < all.size(); i++) {
                SpanContext to = all.get(i).getSpanContext();
                SpanData linked = byId.get(key(to));
                if (linked == null) {
                    return Optional.of("link " + i + " points to span [" + SpanIndex.shortId(to.getSpanId())
                            + "], which was not captured; expected a span " + target.get());
                }
                Optional<String> why = target.get().mismatch(linked, trial);
                if (why.isPresent()) {
                    return Optional.of("link " + i + " points to " + Excerpt.quote(linked.getName()) + " ["
                            + SpanIndex.shortId(linked.getSpanId()) + "], not a span " + target.get() + ": " + why.get());
                }
            }
        }
        return Optional.empty();
    }

    private static String key(SpanContext context) {
        return context.getTraceId() + '/' + context.getSpanId();
    }
}
