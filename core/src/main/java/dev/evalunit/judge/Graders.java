package dev.evalunit.judge;

import org.apiguardian.api.API;

import dev.evalunit.check.Evidence;
import dev.evalunit.task.Task;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.Tracer;

import java.util.Objects;

import static org.apiguardian.api.API.Status.INTERNAL;

/**
 * What a suite grades answers with, beyond string matching: its judge model and its similarity
 * scorer. The runner {@linkplain #attachTo attaches} them to each trial's evidence, where the
 * {@code judge} and {@code similar} checks find them.
 *
 * @param judge the suite's judge; never {@code null}, perhaps {@linkplain Judge#unconfigured unconfigured}
 * @param similarity the suite's similarity scorer; never {@code null}
 * @since 0.1.0
 */
@API(status = INTERNAL, since = "0.1.0")
public record Graders(Judge judge, SimilarityScorer similarity) {

    public Graders {
        Objects.requireNonNull(judge, "judge");
        Objects.requireNonNull(similarity, "similarity");
    }

    /**
     * @param howToConfigure what a judge check says when it runs, e.g. {@link Judge#howToConfigure}
     * @return no judge (judge checks error with {@code howToConfigure}) and the bundled embedding model
     */
    public static Graders withoutJudge(String howToConfigure) {
        return new Graders(Judge.unconfigured(howToConfigure), SimilarityScorer.bundled());
    }

    /**
     * @param evidence what the trial produced; never {@code null}
     * @param task the task the trial ran; never {@code null}
     * @param trialRoot the trial's root span, which judge traces link to; never {@code null}
     * @param tracer makes the judge's spans, in traces of their own; never {@code null}
     * @return {@code evidence} with a {@link JudgeContext} and the {@link SimilarityScorer} attached
     */
    public Evidence attachTo(Evidence evidence, Task task, SpanContext trialRoot, Tracer tracer) {
        return evidence.with(JudgeContext.class, JudgeContext.of(judge, task, trialRoot, tracer))
                .with(SimilarityScorer.class, similarity);
    }
}
