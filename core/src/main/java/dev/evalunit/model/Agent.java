package dev.evalunit.model;

import org.apiguardian.api.API;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

/**
 * A system under test that is more than one chat model: an agent, a RAG service, a pipeline.
 * Return one from a {@code @ModelUnderTest} member to score it.
 *
 * <p>For each trial the engine calls {@link #answer(AgentContext)} once, on a thread of its own
 * and inside the trial's trace. The agent reads the task's input from the context, may call the
 * task's tools through {@link AgentContext#executeTool}, may call models wrapped with
 * {@link AgentContext#traced}, and may create its own spans with
 * {@link AgentContext#openTelemetry()}; all of those spans belong to the trial and the task's
 * span checks see them. It returns its final answer, which the output checks see.
 *
 * <pre>{@code
 * @ModelUnderTest
 * static Agent ragService() {
 *     return context -> {
 *         String docs = context.executeTool("search_docs", "{\"query\":\"OOMKilled\"}");
 *         return myService.answer(context.prompt(), docs);
 *     };
 * }
 * }</pre>
 *
 * <p>An exception thrown by {@code answer} means the task could not be scored: the engine
 * reports it as an error, not as a failed task. Implementations must be safe to call from
 * several trials at the same time.
 *
 * @since 0.1.0
 */
@FunctionalInterface
@API(status = EXPERIMENTAL, since = "0.1.0")
public interface Agent {

    /**
     * @param context the task's input, its tools and the trial's telemetry; never {@code null}
     * @return the final answer; {@code null} is read as an empty answer
     * @throws Exception when the answer could not be produced for reasons other than the model's
     *         own judgement (an endpoint down, a bug); the task is then reported as an error
     */
    String answer(AgentContext context) throws Exception;
}
