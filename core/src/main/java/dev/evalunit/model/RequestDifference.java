package dev.evalunit.model;

import com.fasterxml.jackson.databind.JsonNode;

/** Says where a request differs from the recorded one, in words a user can act on. */
final class RequestDifference {

    private RequestDifference() {
    }

    static String describe(JsonNode recorded, JsonNode now) {
        JsonNode before = recorded.path("messages");
        JsonNode after = now.path("messages");
        for (int i = 0; i < Math.min(before.size(), after.size()); i++) {
            if (!before.get(i).equals(after.get(i))) {
                return "message " + (i + 1) + " (" + after.get(i).path("role").asText() + ") was "
                        + EndpointFault.excerpt(before.get(i).toString()) + ", is now "
                        + EndpointFault.excerpt(after.get(i).toString());
            }
        }
        if (before.size() != after.size()) {
            return "it had " + before.size() + " messages, has " + after.size();
        }
        return "its tools were " + EndpointFault.excerpt(recorded.path("tools").toString()) + ", are now "
                + EndpointFault.excerpt(now.path("tools").toString());
    }
}
