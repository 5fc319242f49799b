package dev.evalunit.junit;

import dev.evalunit.config.Constants;
import dev.evalunit.model.Agent;
import dev.evalunit.model.ModelBinding;
import dev.langchain4j.model.chat.ChatModel;
import org.apiguardian.api.API;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ModifierSupport;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Finds the model under test of a test class: its {@link ModelUnderTest} member, else the
 * configured model. Never throws: a problem becomes a binding whose tasks all error with a
 * message saying what to fix.
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class ModelMembers {

    private ModelMembers() {
    }

    /**
     * @param testClass the suite or test class; never {@code null}
     * @param configured the model from configuration, if any; may throw IllegalArgumentException
     *        when the configuration is wrong
     * @return the binding; never {@code null}
     */
    public static ModelBinding resolve(Class<?> testClass, Supplier<Optional<ModelBinding>> configured) {
        List<Member> members = new ArrayList<>();
        members.addAll(AnnotationSupport.findAnnotatedMethods(testClass, ModelUnderTest.class,
                HierarchyTraversalMode.TOP_DOWN));
        members.addAll(AnnotationSupport.findAnnotatedFields(testClass, ModelUnderTest.class));
        String where = testClass.getName();
        if (members.size() > 1) {
            return ModelBinding.unconfigured(where + " has " + members.size() + " @ModelUnderTest members ("
                    + names(members) + "); keep one");
        }
        if (members.isEmpty()) {
            try {
                return configured.get().orElseGet(() -> ModelBinding.unconfigured(howToWire(testClass)));
            } catch (IllegalArgumentException e) {
                return ModelBinding.unconfigured(e.getMessage());
            }
        }
        return fromMember(testClass, members.get(0), Optional.empty());
    }

    /**
     * @param testClass the suite class; never {@code null}
     * @param member one of its {@code @ModelUnderTest} members; never {@code null}
     * @param name the name the discovery gave this model; never {@code null}
     * @return the binding, named {@code name}; never {@code null}
     */
    public static ModelBinding resolveMember(Class<?> testClass, Member member, String name) {
        return fromMember(testClass, member, Optional.of(name));
    }

    /** @return the message of a suite with no model at all */
    public static String howToWire(Class<?> testClass) {
        return "No model to test for " + testClass.getSimpleName() + ". Either declare in " + testClass.getName()
                + " a static @ModelUnderTest method or field returning a LangChain4j ChatModel or an EvalUnit Agent,"
                + " or set the configuration parameter " + Constants.MODEL_PROPERTY_NAME + " to "
                + Constants.MODEL_OPENAI + ", " + Constants.MODEL_ORACLE + " or " + Constants.MODEL_NOP
                + " (e.g. mvn test -D" + Constants.MODEL_PROPERTY_NAME + "=" + Constants.MODEL_ORACLE + ", or a line "
                + Constants.MODEL_PROPERTY_NAME + "=" + Constants.MODEL_ORACLE
                + " in src/test/resources/junit-platform.properties)";
    }

    private static ModelBinding fromMember(Class<?> testClass, Member member, Optional<String> forcedName) {
        String described = "@ModelUnderTest " + testClass.getSimpleName() + "." + member.getName();
        if (!ModifierSupport.isStatic(member)) {
            return ModelBinding.unconfigured(described + " must be static: the suite has no instance to call it on");
        }
        Object value;
        try {
            if (member instanceof Method) {
                Method method = (Method) member;
                if (method.getParameterCount() != 0) {
                    return ModelBinding.unconfigured(described + " must take no parameters");
                }
                method.setAccessible(true);
                value = method.invoke(null);
            } else {
                Field field = (Field) member;
                field.setAccessible(true);
                value = field.get(null);
            }
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return ModelBinding.unconfigured(described + " threw " + cause);
        } catch (ExceptionInInitializerError e) {
            // A static initialiser of the suite class failed, e.g. a field built from a missing setting.
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return ModelBinding.unconfigured(described + " could not be read: initialising "
                    + member.getDeclaringClass().getSimpleName() + " threw " + cause);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return ModelBinding.unconfigured(described + " could not be read: " + e);
        }
        String name = forcedName.orElseGet(() -> annotatedName(member));
        if (value instanceof ChatModel) {
            ChatModel model = (ChatModel) value;
            if (name.isEmpty() && model.defaultRequestParameters() != null
                    && model.defaultRequestParameters().modelName() != null) {
                name = model.defaultRequestParameters().modelName();
            }
            return ModelBinding.of(name.isEmpty() ? member.getName() : name, model);
        }
        if (value instanceof Agent) {
            return ModelBinding.of(name.isEmpty() ? member.getName() : name, (Agent) value);
        }
        if (value instanceof ModelBinding) {
            return (ModelBinding) value;
        }
        return ModelBinding.unconfigured(described + " returned " + (value == null ? "null"
                : "a " + value.getClass().getName()) + "; return a LangChain4j ChatModel or an EvalUnit Agent");
    }

    private static String annotatedName(Member member) {
        ModelUnderTest annotation = member instanceof Method
                ? ((Method) member).getAnnotation(ModelUnderTest.class)
                : ((Field) member).getAnnotation(ModelUnderTest.class);
        return annotation.value().trim();
    }

    private static String names(List<Member> members) {
        List<String> names = new ArrayList<>();
        for (Member member : members) {
            names.add(member.getName());
        }
        return String.join(", ", names);
    }
}
