package dev.evalunit.junit.engine;

import dev.evalunit.config.Constants;
import dev.evalunit.config.Settings;
import dev.evalunit.junit.ModelUnderTest;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;

import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The models a suite runs its tasks against, known at discovery so that each (task, model) pair is
 * its own test: several named {@code @ModelUnderTest} members, or a comma-separated
 * {@code evalunit.model.name} for the {@code openai} model. One model (or none yet known) keeps
 * the tree flat.
 */
final class ModelPlan {

    private final Map<String, Optional<Member>> models;

    private ModelPlan(Map<String, Optional<Member>> models) {
        this.models = models;
    }

    static ModelPlan single() {
        return new ModelPlan(Map.of());
    }

    /** @throws IllegalArgumentException when two members share a name */
    static ModelPlan of(Optional<Class<?>> suiteClass, Settings settings) {
        List<Member> members = new ArrayList<>();
        suiteClass.ifPresent(type -> {
            members.addAll(AnnotationSupport.findAnnotatedMethods(type, ModelUnderTest.class, HierarchyTraversalMode.TOP_DOWN));
            members.addAll(AnnotationSupport.findAnnotatedFields(type, ModelUnderTest.class));
        });
        if (members.size() > 1) {
            Map<String, Optional<Member>> named = new LinkedHashMap<>();
            for (Member member : members) {
                String name = name(member);
                if (named.put(name, Optional.of(member)) != null) {
                    throw new IllegalArgumentException("two @ModelUnderTest members of "
                            + suiteClass.get().getName() + " are named \"" + name
                            + "\"; give each a distinct name, e.g. @ModelUnderTest(\"gpt-4o\")");
                }
            }
            return new ModelPlan(named);
        }
        if (members.isEmpty() && settings.get(Constants.MODEL_PROPERTY_NAME).filter(Constants.MODEL_OPENAI::equals).isPresent()) {
            List<String> names = settings.get(Constants.MODEL_NAME_PROPERTY_NAME)
                    .map(value -> Arrays.stream(value.split(",")).map(String::trim).filter(name -> !name.isEmpty())
                            .distinct().collect(Collectors.toList()))
                    .orElse(List.of());
            if (names.size() > 1) {
                Map<String, Optional<Member>> named = new LinkedHashMap<>();
                names.forEach(name -> named.put(name, Optional.empty()));
                return new ModelPlan(named);
            }
        }
        return single();
    }

    /** @return whether each task runs once per model, as a test of its own */
    boolean isMultiple() {
        return !models.isEmpty();
    }

    List<String> names() {
        return new ArrayList<>(models.keySet());
    }

    /** @return the member that yields {@code name}, or empty for a model named in configuration */
    Optional<Member> member(String name) {
        return models.getOrDefault(name, Optional.empty());
    }

    private static String name(Member member) {
        ModelUnderTest annotation = member instanceof Method
                ? ((Method) member).getAnnotation(ModelUnderTest.class)
                : ((Field) member).getAnnotation(ModelUnderTest.class);
        return annotation.value().isBlank() ? member.getName() : annotation.value().trim();
    }
}
