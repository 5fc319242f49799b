package dev.evalunit.junit;

import dev.evalunit.config.Settings;
import dev.evalunit.judge.Graders;
import dev.evalunit.judge.Judge;
import dev.evalunit.judge.SimilarityScorer;
import dev.langchain4j.model.chat.ChatModel;
import org.apiguardian.api.API;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ModifierSupport;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds what a suite grades with beyond string matching: its {@link JudgeModel} member, else the
 * judge from configuration, else none; its {@link EmbeddingModel} member, else the bundled
 * embedding model. Never throws: a problem becomes a judge or scorer whose checks error with a
 * message saying what to fix, so tasks without judged checks run as usual.
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class GraderMembers {

    private GraderMembers() {
    }

    /**
     * @param testClass the suite or test class, if any; empty for suites selected as resources
     * @param settings the run's configuration; never {@code null}
     * @return the graders; never {@code null}
     */
    public static Graders resolve(Optional<Class<?>> testClass, Settings settings) {
        String suite = testClass.map(Class::getName).orElse("this suite");
        return new Graders(judge(testClass, settings, suite), similarity(testClass));
    }

    private static Judge judge(Optional<Class<?>> testClass, Settings settings, String suite) {
        List<Member> members = testClass.map(type -> members(type, JudgeModel.class)).orElse(List.of());
        if (members.size() > 1) {
            return Judge.unconfigured(suite + " has " + members.size() + " @JudgeModel members (" + names(members)
                    + "); keep one");
        }
        if (members.isEmpty()) {
            try {
                return Judge.fromSettings(settings, System::getenv)
                        .orElseGet(() -> Judge.unconfigured(Judge.howToConfigure(suite)));
            } catch (IllegalArgumentException e) {
                return Judge.unconfigured(e.getMessage());
            }
        }
        Member member = members.get(0);
        String described = "@JudgeModel " + testClass.get().getSimpleName() + "." + member.getName();
        return read(member, described).map(value -> {
            String name = annotated(member, JudgeModel.class, JudgeModel::value);
            if (value instanceof Judge) {
                return (Judge) value;
            }
            if (value instanceof ChatModel) {
                ChatModel model = (ChatModel) value;
                if (name.isEmpty() && model.defaultRequestParameters() != null
                        && model.defaultRequestParameters().modelName() != null) {
                    name = model.defaultRequestParameters().modelName();
                }
                return Judge.of(name.isEmpty() ? member.getName() : name, model);
            }
            return Judge.unconfigured(described + " returned " + (value == null ? "null"
                    : "a " + value.getClass().getName()) + "; return a LangChain4j ChatModel or an EvalUnit Judge");
        }, Judge::unconfigured);
    }

    private static SimilarityScorer similarity(Optional<Class<?>> testClass) {
        List<Member> members = testClass.map(type -> members(type, EmbeddingModel.class)).orElse(List.of());
        if (members.size() > 1) {
            return SimilarityScorer.unavailable(testClass.get().getName() + " has " + members.size()
                    + " @EmbeddingModel members (" + names(members) + "); keep one");
        }
        if (members.isEmpty()) {
            return SimilarityScorer.bundled();
        }
        Member member = members.get(0);
        String described = "@EmbeddingModel " + testClass.get().getSimpleName() + "." + member.getName();
        return read(member, described).map(value -> {
            String name = annotated(member, EmbeddingModel.class, EmbeddingModel::value);
            if (value instanceof SimilarityScorer) {
                return (SimilarityScorer) value;
            }
            if (value instanceof dev.langchain4j.model.embedding.EmbeddingModel) {
                dev.langchain4j.model.embedding.EmbeddingModel model =
                        (dev.langchain4j.model.embedding.EmbeddingModel) value;
                if (name.isEmpty()) {
                    String modelName = model.modelName();
                    name = modelName == null || modelName.isBlank() || modelName.equals("unknown")
                            ? member.getName() : modelName;
                }
                return SimilarityScorer.of(name, model);
            }
            return SimilarityScorer.unavailable(described + " returned " + (value == null ? "null"
                    : "a " + value.getClass().getName()) + "; return a LangChain4j EmbeddingModel");
        }, SimilarityScorer::unavailable);
    }

    /** The value of a static member, or why it could not be read. */
    private static final class Read {
        final Object value;
        final String problem;

        Read(Object value, String problem) {
            this.value = value;
            this.problem = problem;
        }

        <T> T map(Function<Object, T> ok, Function<String, T> failed) {
            return problem == null ? ok.apply(value) : failed.apply(problem);
        }
    }

    private static Read read(Member member, String described) {
        if (!ModifierSupport.isStatic(member)) {
            return new Read(null, described + " must be static: the suite has no instance to call it on");
        }
        try {
            if (member instanceof Method) {
                Method method = (Method) member;
                if (method.getParameterCount() != 0) {
                    return new Read(null, described + " must take no parameters");
                }
                method.setAccessible(true);
                return new Read(method.invoke(null), null);
            }
            Field field = (Field) member;
            field.setAccessible(true);
            return new Read(field.get(null), null);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new Read(null, described + " threw " + cause);
        } catch (ExceptionInInitializerError e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new Read(null, described + " could not be read: initialising "
                    + member.getDeclaringClass().getSimpleName() + " threw " + cause);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return new Read(null, described + " could not be read: " + e);
        }
    }

    private static List<Member> members(Class<?> testClass, Class<? extends Annotation> annotation) {
        List<Member> members = new ArrayList<>();
        members.addAll(AnnotationSupport.findAnnotatedMethods(testClass, annotation, HierarchyTraversalMode.TOP_DOWN));
        members.addAll(AnnotationSupport.findAnnotatedFields(testClass, annotation));
        return members;
    }

    private static <A extends Annotation> String annotated(Member member, Class<A> type, Function<A, String> value) {
        A annotation = member instanceof Method ? ((Method) member).getAnnotation(type)
                : ((Field) member).getAnnotation(type);
        return value.apply(annotation).trim();
    }

    private static String names(List<Member> members) {
        List<String> names = new ArrayList<>();
        for (Member member : members) {
            names.add(member.getName());
        }
        return String.join(", ", names);
    }
}
