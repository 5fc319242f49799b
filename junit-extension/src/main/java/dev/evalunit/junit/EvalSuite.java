package dev.evalunit.junit;

import org.apiguardian.api.API;

import org.junit.platform.commons.annotation.Testable;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

/**
 * Declares a suite of task files on a test class, so that {@code mvn test}, Surefire and IDEs run
 * every task as a JUnit test of that class.
 *
 * <pre>{@code
 * @EvalSuite("sre")
 * class SreEvalTest {
 *     @ModelUnderTest
 *     static ChatModel model() { return OpenAiChatModel.builder()...build(); }
 * }
 * }</pre>
 *
 * <p>Name the class so Surefire picks it up ({@code *Test}, {@code Test*}, {@code *Tests}).
 * The model comes from a {@link ModelUnderTest} member, else from the {@code evalunit.model}
 * configuration parameter.
 *
 * @since 0.1.0
 */
@Documented
@Testable
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@API(status = EXPERIMENTAL, since = "0.1.0")
public @interface EvalSuite {

    /**
     * @return the classpath location of the task files: a directory, searched recursively for
     *         {@code *.yaml} and {@code *.yml}, or one file; e.g. {@code "sre"} for
     *         {@code src/test/resources/sre}
     */
    String value();
}
