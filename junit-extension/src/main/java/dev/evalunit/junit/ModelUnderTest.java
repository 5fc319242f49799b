package dev.evalunit.junit;

import org.apiguardian.api.API;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

/**
 * Marks the static method (without parameters) or static field of an {@link EvalSuite} class, or
 * of a test class using {@link EvalUnitExtension}, that yields the model under test: a
 * LangChain4j {@code ChatModel}, which EvalUnit drives through its tool loop, or an EvalUnit
 * {@link dev.evalunit.model.Agent} for systems that are more than one chat model.
 *
 * <p>The method is called once per run, before the suite's first task.
 *
 * @since 0.1.0
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.FIELD})
@API(status = EXPERIMENTAL, since = "0.1.0")
public @interface ModelUnderTest {

    /**
     * @return the name reports use; default: the chat model's configured model name, else the
     *         member's name
     */
    String value() default "";
}
