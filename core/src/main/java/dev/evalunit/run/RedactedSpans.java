package dev.evalunit.run;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.AttributeType;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.DelegatingSpanData;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A trial's spans with secrets taken out of every text the model's program or the model's calls
 * could have put there (names, attribute keys and values, events, links' attributes, status
 * descriptions, resource attributes), before any check quotes and cuts them, so that no prefix of a
 * key survives a cut.
 * A span holding no secret is kept as it is.
 */
final class RedactedSpans {

    private RedactedSpans() {
    }

    static List<SpanData> of(List<SpanData> spans, UnaryOperator<String> redaction) {
        List<SpanData> redacted = new ArrayList<>(spans.size());
        for (SpanData span : spans) {
            redacted.add(span(span, redaction));
        }
        return redacted;
    }

    private static SpanData span(SpanData span, UnaryOperator<String> redaction) {
        String name = redaction.apply(span.getName());
        Attributes attributes = attributes(span.getAttributes(), redaction);
        List<EventData> events = new ArrayList<>(span.getEvents().size());
        boolean eventsChanged = false;
        for (EventData event : span.getEvents()) {
            String eventName = redaction.apply(event.getName());
            Attributes eventAttributes = attributes(event.getAttributes(), redaction);
            if (eventName.equals(event.getName()) && eventAttributes == event.getAttributes()) {
                events.add(event);
            } else {
                eventsChanged = true;
                events.add(EventData.create(event.getEpochNanos(), eventName, eventAttributes,
                        event.getTotalAttributeCount()));
            }
        }
        List<LinkData> links = new ArrayList<>(span.getLinks().size());
        boolean linksChanged = false;
        for (LinkData link : span.getLinks()) {
            Attributes linkAttributes = attributes(link.getAttributes(), redaction);
            if (linkAttributes == link.getAttributes()) {
                links.add(link);
            } else {
                linksChanged = true;
                links.add(LinkData.create(link.getSpanContext(), linkAttributes, link.getTotalAttributeCount()));
            }
        }
        String description = redaction.apply(span.getStatus().getDescription());
        StatusData status = description.equals(span.getStatus().getDescription())
                ? span.getStatus() : StatusData.create(span.getStatus().getStatusCode(), description);
        Attributes resourceAttributes = attributes(span.getResource().getAttributes(), redaction);
        Resource resource = resourceAttributes == span.getResource().getAttributes()
                ? span.getResource() : Resource.create(resourceAttributes, span.getResource().getSchemaUrl());
        if (name.equals(span.getName()) && attributes == span.getAttributes() && !eventsChanged && !linksChanged
                && status == span.getStatus() && resource == span.getResource()) {
            return span;
        }
        return new Redacted(span, name, attributes, events, links, status, resource);
    }

    /** @return {@code attributes} itself when no key and no text value holds a secret */
    private static Attributes attributes(Attributes attributes, UnaryOperator<String> redaction) {
        AttributesBuilder builder = Attributes.builder();
        boolean[] changed = {false};
        attributes.forEach((key, value) -> changed[0] |= put(builder, key, value, redaction));
        return changed[0] ? builder.build() : attributes;
    }

    @SuppressWarnings("unchecked")
    private static boolean put(AttributesBuilder builder, AttributeKey<?> written, Object value,
            UnaryOperator<String> redaction) {
        String name = redaction.apply(written.getKey());
        boolean renamed = !name.equals(written.getKey());
        AttributeKey<?> key = renamed ? renamed(written, name) : written;
        if (key.getType() != written.getType()) {
            value = String.valueOf(value); // a type without a key factory of its own is kept as its text
        }
        if (key.getType() == AttributeType.STRING) {
            String redacted = redaction.apply((String) value);
            builder.put((AttributeKey<String>) key, redacted);
            return renamed || !redacted.equals(value);
        }
        if (key.getType() == AttributeType.STRING_ARRAY) {
            List<String> redacted = ((List<String>) value).stream().map(redaction).toList();
            builder.put((AttributeKey<List<String>>) key, redacted);
            return renamed || !redacted.equals(value);
        }
        builder.put((AttributeKey<Object>) key, value);
        return renamed;
    }

    /** @return a key of {@code key}'s type named {@code name}: a secret in a key's name is taken out too */
    private static AttributeKey<?> renamed(AttributeKey<?> key, String name) {
        switch (key.getType()) {
            case BOOLEAN: return AttributeKey.booleanKey(name);
            case LONG: return AttributeKey.longKey(name);
            case DOUBLE: return AttributeKey.doubleKey(name);
            case STRING_ARRAY: return AttributeKey.stringArrayKey(name);
            case BOOLEAN_ARRAY: return AttributeKey.booleanArrayKey(name);
            case LONG_ARRAY: return AttributeKey.longArrayKey(name);
            case DOUBLE_ARRAY: return AttributeKey.doubleArrayKey(name);
            default: return AttributeKey.stringKey(name);
        }
    }

    private static final class Redacted extends DelegatingSpanData {
        private final String name;
        private final Attributes attributes;
        private final List<EventData> events;
        private final List<LinkData> links;
        private final StatusData status;
        private final Resource resource;

        Redacted(SpanData span, String name, Attributes attributes, List<EventData> events, List<LinkData> links,
                StatusData status, Resource resource) {
            super(span);
            this.name = Objects.requireNonNull(name);
            this.attributes = attributes;
            this.events = List.copyOf(events);
            this.links = List.copyOf(links);
            this.status = status;
            this.resource = resource;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public Attributes getAttributes() {
            return attributes;
        }

        @Override
        public List<EventData> getEvents() {
            return events;
        }

        @Override
        public List<LinkData> getLinks() {
            return links;
        }

        @Override
        public StatusData getStatus() {
            return status;
        }

        @Override
        public Resource getResource() {
            return resource;
        }
    }
}
