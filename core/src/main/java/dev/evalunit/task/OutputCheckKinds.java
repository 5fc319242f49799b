package dev.evalunit.task;

import dev.evalunit.check.Check;
import dev.evalunit.check.OutputChecks;
import dev.evalunit.judge.JudgedChecks;
import org.yaml.snakeyaml.nodes.Node;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import dev.evalunit.source.YamlSource;
import dev.evalunit.source.YamlNodes;

/**
 * The checks a task file may list under {@code expect.output}, by key. Adding a kind of output
 * check is one entry here.
 */
final class OutputCheckKinds {

    /** Reads the value written after a check's key, such as {@code OOM} in {@code - contains: OOM}. */
    @FunctionalInterface
    interface Kind {
        /**
         * @param value the node after the key
         * @param name the value's path for messages, such as {@code expect.output[2].matches}
         */
        Check read(Node value, String name, YamlSource source);
    }

    /** Every kind, in the order error messages list them. */
    static final Map<String, Kind> KINDS = kinds();

    private OutputCheckKinds() {
    }

    private static Map<String, Kind> kinds() {
        Map<String, Kind> kinds = new LinkedHashMap<>();
        kinds.put("contains", (value, name, source) -> OutputChecks.contains(YamlNodes.nonEmptyText(value, name, source)));
        kinds.put("not-contains", (value, name, source) -> OutputChecks.notContains(YamlNodes.nonEmptyText(value, name, source)));
        kinds.put("equals", (value, name, source) -> OutputChecks.equalTo(YamlNodes.nonEmptyText(value, name, source)));
        kinds.put("matches", (value, name, source) -> OutputChecks.matches(CheckValues.pattern(value, name, source)));
        kinds.put("judge", (value, name, source) -> judged(value, name, source, JudgedChecks::judgeFromYaml));
        kinds.put("similar", (value, name, source) -> judged(value, name, source, JudgedChecks::similarFromYaml));
        return Collections.unmodifiableMap(kinds);
    }

    /** Reads a judged check from its value as plain data; its complaints are errors at the value. */
    private static Check judged(Node value, String name, YamlSource source,
            java.util.function.BiFunction<Object, String, Check> read) {
        Object plain = YamlNodes.plain(value, name, source);
        try {
            return read.apply(plain, name);
        } catch (IllegalArgumentException e) {
            throw source.error(value, e.getMessage());
        }
    }
}
