package dev.evalunit.code;

import dev.evalunit.check.Check;
import dev.evalunit.check.RunChecks;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads one item of {@code expect.run.output}: {@code contains}, {@code not-contains}, {@code line}
 * (one line is exactly this) or {@code lines} (the output is exactly these lines).
 */
final class RunOutputCheckReader {

    private RunOutputCheckReader() {
    }

    static Check read(SpecYaml yaml, String kind, Node value, String name) {
        return switch (kind) {
            case "contains" -> RunChecks.outputContains(yaml.text(value, name));
            case "not-contains" -> RunChecks.outputNotContains(yaml.text(value, name));
            case "line" -> RunChecks.outputLine(line(yaml, value, name));
            case "lines" -> {
                List<Node> items = yaml.items(value, name, "the output's lines, in order");
                List<String> lines = new ArrayList<>();
                for (int i = 0; i < items.size(); i++) {
                    lines.add(line(yaml, items.get(i), name + "[" + i + "]"));
                }
                yield RunChecks.outputLines(lines);
            }
            default -> throw new IllegalArgumentException("not an output check: " + kind);
        };
    }

    /** A line may be empty (a blank line the program prints), so it is any scalar but a missing value. */
    private static String line(SpecYaml yaml, Node value, String name) {
        if (value instanceof ScalarNode scalar && !value.getTag().equals(Tag.NULL)) {
            return scalar.getValue();
        }
        throw yaml.error(value, name + " must be one line of text (quote it: \"total: 12\"), was "
                + SpecYaml.describe(value));
    }
}
