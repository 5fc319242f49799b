package dev.evalunit.junit;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The JUnit side's layers (docs/architecture.md): the annotations and the Jupiter extension in
 * {@code dev.evalunit.junit}, the test engine above them in {@code dev.evalunit.junit.engine}.
 */
class ArchitectureTest {

    private static final JavaClasses JUNIT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.evalunit.junit");

    @Test
    void theExtensionAndAnnotationsNeverUseTheEngine() {
        noClasses().that().resideInAPackage("dev.evalunit.junit")
                .should().dependOnClassesThat().resideInAPackage("dev.evalunit.junit.engine..")
                .because("the engine builds on the annotations and the members they mark, never the other way")
                .check(JUNIT);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("dev.evalunit.(**)").should().beFreeOfCycles().check(JUNIT);
    }

    @Test
    void everyPublicTypeSaysWhetherUsersMayTouchIt() {
        classes().that().arePublic().and().areTopLevelClasses()
                .should().beAnnotatedWith(org.apiguardian.api.API.class)
                .because("the public API is what docs/architecture.md lists: EXPERIMENTAL for what users touch,"
                        + " INTERNAL for what is public only because another package of EvalUnit uses it")
                .check(JUNIT);
    }
}
