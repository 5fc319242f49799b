package dev.evalunit.task;

import dev.evalunit.check.Comparison;
import org.yaml.snakeyaml.nodes.Node;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import dev.evalunit.source.YamlSource;
import dev.evalunit.source.YamlNodes;

/** Values that several check kinds read the same way: regular expressions and comparisons. */
final class CheckValues {

    private CheckValues() {
    }

    /** @return the compiled pattern; a bad pattern is an error at the value quoting the regex engine's description */
    static Pattern pattern(Node node, String name, YamlSource source) {
        String regex = YamlNodes.nonEmptyText(node, name, source);
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw source.error(node, name + " \"" + regex + "\" is not a valid regular expression: "
                    + e.getDescription() + (e.getIndex() >= 0 ? " near index " + e.getIndex() : "")
                    + "; fix the pattern (Java regex syntax)");
        }
    }

    /** @return the comparison written as an operator and a number, such as {@code < 500} */
    static Comparison comparison(Node node, String name, String example, YamlSource source) {
        String text = YamlNodes.nonEmptyText(node, name, source);
        return Comparison.parse(text).orElseThrow(() -> source.error(node, notAComparison(name, text, example)));
    }

    static String notAComparison(String name, String text, String example) {
        return name + " \"" + text + "\" is not a comparison; write an operator (<, <=, >, >=, == or !=) and a number,"
                + " such as \"" + example + "\"";
    }
}
