package dev.evalunit.judge;

import java.util.List;
import java.util.Objects;

/**
 * The judge's verdicts on one answer, one per sample; the majority decides.
 *
 * @param judge the judge's name; never {@code null}
 * @param verdicts one per sample, in order; never empty, an odd number of them
 */
record Judgement(String judge, List<Verdict> verdicts) {

    Judgement {
        Objects.requireNonNull(judge, "judge");
        verdicts = List.copyOf(Objects.requireNonNull(verdicts, "verdicts"));
        if (verdicts.isEmpty()) {
            throw new IllegalArgumentException("a judgement needs at least one verdict");
        }
    }

    long passes() {
        return verdicts.stream().filter(Verdict::passed).count();
    }

    /** @return whether more than half of the verdicts are {@code pass}; a tie fails */
    boolean passed() {
        return passes() * 2 > verdicts.size();
    }

    /** @return the reasons, as messages and span attributes show them */
    String reasons() {
        if (verdicts.size() == 1) {
            return verdicts.get(0).reason();
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < verdicts.size(); i++) {
            if (i > 0) {
                text.append(" | ");
            }
            text.append(i + 1).append(". ").append(verdicts.get(i).word()).append(": ").append(verdicts.get(i).reason());
        }
        return text.toString();
    }
}
