package dev.evalunit.judge;

import dev.evalunit.check.Check;
import dev.evalunit.check.CheckResult;
import dev.evalunit.check.Evidence;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * The answer means about what a reference text means: the cosine similarity of their embeddings
 * is at least {@code min}. The message gives the score, the threshold and the embedding model.
 * An empty answer fails without being embedded.
 */
record SimilarityCheck(String to, double min) implements Check {

    @Override
    public String label() {
        return JudgedChecks.LABEL;
    }

    @Override
    public CheckResult evaluate(Evidence evidence) {
        String answer = evidence.output();
        String threshold = BigDecimal.valueOf(min).stripTrailingZeros().toPlainString();
        if (answer.isBlank()) {
            return CheckResult.fail(label(), "expected similarity >= " + threshold + " to "
                    + Quoted.of(to, Quoted.SHORT) + ", was " + Quoted.answer(answer));
        }
        SimilarityScorer scorer = evidence.attachment(SimilarityScorer.class).orElse(SimilarityScorer.bundled());
        double score = scorer.similarity(answer, to, label());
        boolean passed = score >= min;
        String shown = shown(score, passed);
        if (passed) {
            return CheckResult.pass(label(), "similarity " + shown + " >= " + threshold + " to "
                    + Quoted.of(to, Quoted.SHORT) + " (cosine, " + scorer.name() + ")");
        }
        return CheckResult.fail(label(), "expected similarity >= " + threshold + " to " + Quoted.of(to, Quoted.SHORT)
                + ", was " + shown + " (cosine, " + scorer.name() + ") for " + Quoted.answer(answer));
    }

    /** Three decimals, or as many as it takes for a failing score not to read as the threshold. */
    private String shown(double score, boolean passed) {
        for (int decimals = 3; decimals < 9; decimals++) {
            String text = String.format(Locale.ROOT, "%." + decimals + "f", score);
            if (passed || Double.parseDouble(text) < min) {
                return text;
            }
        }
        return Double.toString(score);
    }
}
