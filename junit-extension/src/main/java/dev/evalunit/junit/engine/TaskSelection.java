package dev.evalunit.junit.engine;

import dev.evalunit.config.Constants;
import dev.evalunit.config.Settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which tasks to run, from {@code evalunit.tasks}: comma-separated globs on task ids
 * ({@code tools/*}), each optionally after a suite and {@code #} ({@code SreEvalTest#tools/oom}).
 * Surefire's {@code -Dtest=Class#method} cannot select a task: its filter only looks at Java
 * methods, and a task is none.
 */
final class TaskSelection {

    private record Selector(Optional<Pattern> suite, Pattern task) {
    }

    private final List<Selector> selectors;

    private TaskSelection(List<Selector> selectors) {
        this.selectors = selectors;
    }

    static TaskSelection from(Settings settings) {
        List<Selector> selectors = new ArrayList<>();
        for (String part : settings.get(Constants.TASKS_PROPERTY_NAME).orElse("").split(",")) {
            String glob = part.strip();
            if (glob.isEmpty()) {
                continue;
            }
            int hash = glob.indexOf('#');
            selectors.add(hash < 0 ? new Selector(Optional.empty(), pattern(glob))
                    : new Selector(Optional.of(pattern(glob.substring(0, hash).strip())),
                            pattern(glob.substring(hash + 1).strip())));
        }
        return new TaskSelection(List.copyOf(selectors));
    }

    /**
     * @param suite how results name the suite: the class's full name, or its location
     * @param task the task's id, or for a broken file its path without the extension
     * @return whether the task is selected; every task is when {@code evalunit.tasks} is unset
     */
    boolean includes(String suite, String task) {
        if (selectors.isEmpty()) {
            return true;
        }
        String simpleName = suite.substring(suite.lastIndexOf('.') + 1);
        for (Selector selector : selectors) {
            boolean suiteMatches = selector.suite().map(pattern -> pattern.matcher(suite).matches()
                    || pattern.matcher(simpleName).matches()).orElse(true);
            if (suiteMatches && selector.task().matcher(task).matches()) {
                return true;
            }
        }
        return false;
    }

    /** {@code *} is any text, {@code /} included; {@code ?} one character; the rest literal. */
    private static Pattern pattern(String glob) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*' || c == '?') {
                if (literal.length() > 0) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(regex.toString());
    }
}
