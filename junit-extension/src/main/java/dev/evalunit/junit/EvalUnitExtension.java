package dev.evalunit.junit;

import org.apiguardian.api.API;

import dev.evalunit.config.Settings;
import dev.evalunit.judge.Graders;
import dev.evalunit.model.ModelBinding;
import dev.evalunit.run.TaskRunner;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.util.Optional;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

/**
 * A Jupiter extension for hand-written tests: injects an {@link EvalUnit} that runs a prompt or a
 * task file against the model under test, for assertions with {@link EvalAssertions}.
 *
 * <pre>{@code
 * @ExtendWith(EvalUnitExtension.class)
 * class CapitalsTest {
 *     @ModelUnderTest
 *     static ChatModel model() { return ...; }
 *
 *     @Test
 *     void knowsTheCapitalOfFrance(EvalUnit eval) {
 *         assertThat(eval.ask("What is the capital of France?")).outputContains("Paris");
 *     }
 * }
 * }</pre>
 *
 * <p>The model comes from the test class's {@link ModelUnderTest} member, else from the
 * {@code evalunit.model} configuration parameter, as for an {@link EvalSuite}.
 *
 * @since 0.1.0
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public final class EvalUnitExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(EvalUnitExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == EvalUnit.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext)
            throws ParameterResolutionException {
        Class<?> testClass = extensionContext.getRequiredTestClass();
        // One binding per test class: a @ModelUnderTest method may build an HTTP client.
        ModelBinding model = extensionContext.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(testClass,
                type -> ModelMembers.resolve(type, () -> ModelBinding.fromSettings(settings(extensionContext),
                        System::getenv)),
                ModelBinding.class);
        TaskRunner runner = TaskRunner.fromSettings(settings(extensionContext));
        // Class and method: two classes' methods of one name must not share a cassette.
        String name = testClass.getName() + "/" + extensionContext.getTestMethod().map(method -> method.getName())
                .orElse(extensionContext.getDisplayName());
        Graders graders = extensionContext.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(
                new GradersKey(testClass), key -> GraderMembers.resolve(Optional.of(testClass), settings(extensionContext)),
                Graders.class);
        return new EvalUnit(model, runner, graders, testClass.getClassLoader(), name);
    }

    /** The store key of a test class's graders, apart from its model. */
    private record GradersKey(Class<?> testClass) {
    }

    private static Settings settings(ExtensionContext context) {
        return Settings.from(context::getConfigurationParameter);
    }
}
