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
 * that yields the judge model of the suite's {@code judge} checks: any LangChain4j
 * {@code ChatModel}, or an EvalUnit {@link dev.evalunit.judge.Judge}. A suite has at most one.
 *
 * <p>Without it, the judge comes from configuration ({@code evalunit.judge=openai} with
 * {@code evalunit.judge.name}, {@code evalunit.judge.base-url} and
 * {@code evalunit.judge.api-key-env}); with neither, every task with a {@code judge} check errors
 * with a message saying how to configure one, and tasks without one run as usual.
 *
 * <p>The judge is asked for a JSON verdict, with the provider's structured output when the model
 * declares {@code Capability.RESPONSE_FORMAT_JSON_SCHEMA}; its calls are traced in a trace of
 * their own, linked to the trial's, so the task's span checks see only the model under test.
 *
 * <pre>
 * &#64;EvalSuite("sre")
 * class SreEvalTest {
 *     &#64;JudgeModel
 *     static ChatModel judge() {
 *         return OpenAiChatModel.builder().modelName("gpt-4o-mini").apiKey(System.getenv("OPENAI_API_KEY"))
 *                 .supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA).strictJsonSchema(true).build();
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
public @interface JudgeModel {

    /**
     * @return the name messages and spans use; default: the chat model's configured model name,
     *         else the member's name
     */
    String value() default "";
}
