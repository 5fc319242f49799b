package dev.evalunit.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The reference values {@code src/test/resources/stats/make_fixtures.py} computed with scipy and
 * statsmodels, one JSON file per statistic.
 */
final class ReferenceValues {

    private ReferenceValues() {
    }

    static Stream<JsonNode> cases(String name) {
        try (InputStream in = ReferenceValues.class.getResourceAsStream("/stats/" + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("no fixture stats/" + name + ".json: run make_fixtures.py");
            }
            List<JsonNode> cases = new ArrayList<>();
            new ObjectMapper().readTree(in).get("cases").forEach(cases::add);
            return cases.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A scored verdict of task {@code t<i>} in suite {@code s}. */
    static TaskVerdict verdict(int i, String model, int passed, int trials, String cluster) {
        TaskOutcome status = passed == trials ? TaskOutcome.PASSED : TaskOutcome.FAILED;
        return new TaskVerdict("s", "t" + i, model, status, trials, passed, cluster);
    }
}
