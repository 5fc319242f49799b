package dev.evalunit.task;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Writes plain values (maps, lists, scalars) as JSON text. */
final class JsonText {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonText() {
    }

    static String of(Object plainValue) {
        try {
            return MAPPER.writeValueAsString(plainValue);
        } catch (JsonProcessingException e) {
            // plain maps, lists and scalars always serialize; anything else is a bug of the reader
            throw new IllegalStateException("cannot write a plain value as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
