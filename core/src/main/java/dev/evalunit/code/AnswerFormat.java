package dev.evalunit.code;

import org.apiguardian.api.API;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * How the files of a code task travel in text, both ways: the workspace as the prompt shows it,
 * and the model's answer. A file is a fenced block (CommonMark) whose opening line names the
 * language and the file's path in the workspace:
 *
 * <pre>
 * ```java src/main/java/shop/Checkout.java
 * package shop;
 * ...
 * ```
 * </pre>
 *
 * <p>Rules, which {@link #instructions(String)} states to the model and {@link #parse} enforces:
 * every fenced block is a file and names its path (after the language, or alone); the path is
 * relative to the workspace root, with {@code /}, without {@code .} or {@code ..}; a file is given
 * whole; a path appears once; text outside the blocks is ignored; files not given stay as they
 * are. A block is closed by a line of at least as many backticks as opened it, so a file that
 * holds a line of three backticks is fenced with four. See {@code docs/code-tasks.md}.
 *
 * @since 0.1.0
 */
@API(status = INTERNAL, since = "0.1.0")
public final class AnswerFormat {

    /** The most files one answer may give. */
    static final int MAX_FILES = 100;

    /** The most characters the files of one answer may hold together. */
    static final int MAX_CHARS = 2_000_000;

    private static final Pattern OPENING = Pattern.compile("^ {0,3}(`{3,})([^`]*)$");
    private static final Pattern CLOSING = Pattern.compile("^ {0,3}(`{3,})\\s*$");
    private static final Pattern BACKTICKS = Pattern.compile("`+");

    private AnswerFormat() {
    }

    /**
     * @param files paths in the workspace to contents, in the order to show them; never {@code null}
     * @return the files in the answer format, each block followed by a blank line
     */
    public static String render(Map<String, String> files) {
        Objects.requireNonNull(files, "files");
        StringBuilder text = new StringBuilder();
        files.forEach((path, content) -> {
            String fence = "`".repeat(Math.max(3, longestBacktickRun(content) + 1));
            text.append(fence).append(language(path)).append(' ').append(path).append('\n');
            text.append(content);
            if (!content.isEmpty() && !content.endsWith("\n")) {
                text.append('\n');
            }
            text.append(fence).append("\n\n");
        });
        return text.toString();
    }

    /**
     * @param examplePath a path of the workspace the example names, such as
     *        {@code src/main/java/shop/Checkout.java}; never {@code null}
     * @return the statement of the answer format that follows the workspace in a code task's prompt
     */
    public static String instructions(String examplePath) {
        Objects.requireNonNull(examplePath, "examplePath");
        return "How to answer: give the complete new content of every file you change or add, each in a fenced"
                + " code block whose opening line is three backticks, the language, a space and the file's path in"
                + " the workspace, exactly like this:\n\n"
                + "```" + language(examplePath) + " " + examplePath + "\n"
                + "...the whole file...\n"
                + "```\n\n"
                + "Rules:\n"
                + "- Every fenced block in your answer is a file of the workspace: write no other fenced blocks"
                + " (no shell commands, no excerpts).\n"
                + "- Give each file whole, never a diff or a fragment.\n"
                + "- A path is relative to the workspace root, with / between folders, as the workspace above lists"
                + " them; a new file may take a new path inside the workspace.\n"
                + "- Name each file once. Files you do not give stay as they are; files cannot be deleted.\n"
                + "- Text outside the blocks is ignored.\n"
                + "- If a file contains a line that starts with three backticks, fence it with more backticks than"
                + " it contains.\n";
    }

    /**
     * @return the answer's files, path to content, in the order given
     * @throws TrialFailure when the answer gives no file or breaks a rule; the message says which
     *         and where (the answer's line)
     */
    static Map<String, String> parse(String answer) throws TrialFailure {
        String[] lines = answer.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        Map<String, String> files = new LinkedHashMap<>();
        Map<String, Integer> lineOf = new LinkedHashMap<>();
        int chars = 0;
        for (int i = 0; i < lines.length; i++) {
            Matcher opening = OPENING.matcher(lines[i]);
            if (!opening.matches()) {
                continue;
            }
            int line = i + 1;
            String path = path(opening.group(2).trim(), line);
            int fence = opening.group(1).length();
            StringBuilder content = new StringBuilder();
            int closing = -1;
            for (int j = i + 1; j < lines.length; j++) {
                Matcher close = CLOSING.matcher(lines[j]);
                if (close.matches() && close.group(1).length() >= fence) {
                    closing = j;
                    break;
                }
                content.append(lines[j]).append('\n');
            }
            if (closing < 0) {
                throw new TrialFailure("the answer's block for " + path + " (line " + line + ") is never closed;"
                        + " end every file with a line of " + fence + " backticks");
            }
            Integer first = lineOf.putIfAbsent(path, line);
            if (first != null) {
                throw new TrialFailure("the answer gives " + path + " twice (lines " + first + " and " + line
                        + "); give each file once, whole");
            }
            chars += content.length();
            if (files.size() == MAX_FILES || chars > MAX_CHARS) {
                throw new TrialFailure("the answer gives more than " + MAX_FILES + " files or " + MAX_CHARS
                        + " characters; give only the files that change");
            }
            files.put(path, content.toString());
            i = closing;
        }
        if (files.isEmpty()) {
            throw new TrialFailure("the answer names no file: it has no fenced block whose opening line names a"
                    + " path, such as ```java src/main/java/shop/App.java (the answer was "
                    + (answer.isBlank() ? "empty" : answer.length() + " characters without one") + ")");
        }
        return files;
    }

    /** @return the path an opening line's info string names */
    private static String path(String info, int line) throws TrialFailure {
        String[] words = info.isEmpty() ? new String[0] : info.split("\\s+");
        String path;
        if (words.length == 2) {
            path = words[1];
        } else if (words.length == 1 && (words[0].contains("/") || words[0].contains("."))) {
            path = words[0];
        } else {
            throw new TrialFailure("the answer's fenced block at line " + line + " (```" + info + ") names no file:"
                    + " every fenced block must name the file it holds after the language, such as"
                    + " ```java src/main/java/shop/App.java");
        }
        String problem = WorkspacePath.problem(path).orElse(null);
        if (problem != null) {
            throw new TrialFailure("the answer's file " + path + " (line " + line + ") " + problem
                    + "; name every file by its path in the workspace, such as src/main/java/shop/App.java");
        }
        return path;
    }

    private static int longestBacktickRun(String content) {
        int longest = 0;
        Matcher run = BACKTICKS.matcher(content);
        while (run.find()) {
            longest = Math.max(longest, run.group().length());
        }
        return longest;
    }

    /** @return the language a fenced block names for a file, from its extension */
    static String language(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return switch (extension) {
            case "java" -> "java";
            case "xml" -> "xml";
            case "properties" -> "properties";
            case "yaml", "yml" -> "yaml";
            case "json" -> "json";
            case "md" -> "markdown";
            case "kt" -> "kotlin";
            case "sh" -> "sh";
            default -> "text";
        };
    }
}
