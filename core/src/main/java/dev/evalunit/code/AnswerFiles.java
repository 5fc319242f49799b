package dev.evalunit.code;

import java.util.Map;
import java.util.TreeSet;

/**
 * The answer's files as they go over the workspace: a path that names a folder of the result, a
 * path under a file, or text that is not Unicode (a lone surrogate) is the model's mistake, found
 * before anything is written.
 */
final class AnswerFiles {

    private AnswerFiles() {
    }

    /** @throws TrialFailure naming the first such path and why */
    static void check(Map<String, String> workspace, Map<String, String> answer) throws TrialFailure {
        TreeSet<String> all = new TreeSet<>(workspace.keySet());
        all.addAll(answer.keySet());
        for (Map.Entry<String, String> file : answer.entrySet()) {
            String path = file.getKey();
            for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
                String folder = path.substring(0, slash);
                if (all.contains(folder)) {
                    throw new TrialFailure("the answer's file " + path + " would be under " + folder
                            + ", which is a file; a file cannot hold files");
                }
            }
            String prefix = path + "/";
            String under = all.ceiling(prefix);
            if (under != null && under.startsWith(prefix)) {
                throw new TrialFailure("the answer's file " + path + " names a folder (it holds " + under
                        + "); give each file by its own path");
            }
            int surrogate = loneSurrogate(file.getValue());
            if (surrogate >= 0) {
                throw new TrialFailure("the answer's file " + path + " holds text that is not Unicode: a lone"
                        + " surrogate (U+" + Integer.toHexString(file.getValue().charAt(surrogate)).toUpperCase()
                        + ") on line " + (file.getValue().substring(0, surrogate).chars().filter(c -> c == '\n').count() + 1));
            }
        }
    }

    /** @return the index of the first unpaired surrogate, or -1 */
    static int loneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }
}
