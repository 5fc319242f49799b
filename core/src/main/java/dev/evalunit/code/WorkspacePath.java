package dev.evalunit.code;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The paths of files in a workspace, as answers and task folders name them: relative, with
 * {@code /} between folders, no {@code .} or {@code ..} segment, so that no name can point
 * outside the workspace.
 */
final class WorkspacePath {

    static final int MAX_LENGTH = 240;

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._$+\\-/]+");

    private WorkspacePath() {
    }

    /** @return why {@code path} is not a workspace path, such as {@code is outside the workspace}; empty when it is one */
    static Optional<String> problem(String path) {
        if (path.isEmpty()) {
            return Optional.of("is empty");
        }
        if (path.contains("\\")) {
            return Optional.of("uses \\; write / between folders");
        }
        if (path.startsWith("/") || path.startsWith("~") || path.matches("^[A-Za-z]:.*")) {
            return Optional.of("is outside the workspace (an absolute path)");
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals("..")) {
                return Optional.of("is outside the workspace (it goes up with ..)");
            }
            if (segment.isEmpty() || segment.equals(".")) {
                return Optional.of("is not a plain path (an empty or . folder)");
            }
        }
        if (path.length() > MAX_LENGTH) {
            return Optional.of("is longer than " + MAX_LENGTH + " characters");
        }
        if (!ALLOWED.matcher(path).matches()) {
            return Optional.of("has characters other than letters, digits and . _ $ + - /");
        }
        return Optional.empty();
    }
}
