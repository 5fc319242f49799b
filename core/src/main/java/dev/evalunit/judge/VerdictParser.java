package dev.evalunit.judge;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Reads a judge's reply strictly: exactly one JSON object with a {@code verdict} of {@code "pass"}
 * or {@code "fail"} and a non-blank {@code reason}, nothing else, nothing around it. Whatever does
 * not fit is a problem, reported in words the judge can act on when it is asked again; it is never
 * read as a pass.
 */
final class VerdictParser {

    static final String PASS = "pass";
    static final String FAIL = "fail";
    static final String VERDICT = "verdict";
    static final String REASON = "reason";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** The outcome of reading one reply: a verdict, or what is wrong with the reply. */
    record Reading(Optional<Verdict> verdict, String problem) {

        static Reading of(Verdict verdict) {
            return new Reading(Optional.of(verdict), "");
        }

        static Reading problem(String problem) {
            return new Reading(Optional.empty(), problem);
        }
    }

    private VerdictParser() {
    }

    /** @param reply the judge's reply text; {@code null} when the reply held no text */
    static Reading read(String reply) {
        if (reply == null || reply.isBlank()) {
            return Reading.problem("the reply was empty");
        }
        JsonNode node;
        try {
            node = JSON.readTree(reply.strip());
        } catch (JsonProcessingException e) {
            return Reading.problem("the reply is not one JSON object (" + e.getOriginalMessage() + ")");
        }
        if (node == null || !node.isObject()) {
            return Reading.problem("the reply is JSON but not an object");
        }
        List<String> unexpected = new ArrayList<>();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals(VERDICT) && !name.equals(REASON)) {
                unexpected.add('"' + name + '"');
            }
        }
        if (!unexpected.isEmpty()) {
            return Reading.problem("the object has fields other than \"verdict\" and \"reason\": "
                    + String.join(", ", unexpected));
        }
        JsonNode verdict = node.get(VERDICT);
        if (verdict == null) {
            return Reading.problem("the object has no \"verdict\"");
        }
        if (!verdict.isTextual() || !(verdict.asText().equals(PASS) || verdict.asText().equals(FAIL))) {
            return Reading.problem("\"verdict\" must be \"pass\" or \"fail\", was " + verdict);
        }
        JsonNode reason = node.get(REASON);
        if (reason == null) {
            return Reading.problem("the object has no \"reason\"");
        }
        if (!reason.isTextual() || reason.asText().isBlank()) {
            return Reading.problem("\"reason\" must be a non-empty string, was " + reason);
        }
        return Reading.of(new Verdict(verdict.asText().equals(PASS), reason.asText().strip()));
    }
}
