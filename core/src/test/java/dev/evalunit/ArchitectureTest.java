package dev.evalunit;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layers of docs/architecture.md, held by the build: a task flows from its file (source, task)
 * through the model and the trial (model, judge, run) to checks and results, and each layer may use
 * only the layers below it. A violation names the class, the dependency and the layer it breaks.
 */
class ArchitectureTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.evalunit");

    @Test
    void layersFollowTheFlowOfATask() {
        ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("config").definedBy("dev.evalunit.config..")
                .layer("source").definedBy("dev.evalunit.source..")
                .layer("results").definedBy("dev.evalunit.report..")
                .layer("check").definedBy("dev.evalunit.check..")
                .layer("sandbox").definedBy("dev.evalunit.sandbox..")
                .layer("code").definedBy("dev.evalunit.code..")
                .layer("task").definedBy("dev.evalunit.task..")
                .layer("model").definedBy("dev.evalunit.model..")
                .layer("judge").definedBy("dev.evalunit.judge..")
                .layer("run").definedBy("dev.evalunit.run..")
                .whereLayer("run").mayNotBeAccessedByAnyLayer()
                .whereLayer("judge").mayOnlyBeAccessedByLayers("run")
                .whereLayer("model").mayOnlyBeAccessedByLayers("judge", "run")
                .whereLayer("task").mayOnlyBeAccessedByLayers("model", "judge", "run")
                .whereLayer("code").mayOnlyBeAccessedByLayers("task", "model", "judge", "run")
                .whereLayer("sandbox").mayOnlyBeAccessedByLayers("code", "run")
                .whereLayer("check").mayOnlyBeAccessedByLayers("code", "task", "model", "judge", "run")
                .whereLayer("results").mayOnlyBeAccessedByLayers("run")
                .whereLayer("source").mayOnlyBeAccessedByLayers("code", "task", "model", "judge", "run")
                .whereLayer("config").mayOnlyBeAccessedByLayers("sandbox", "code", "task", "model", "judge", "run")
                .because("a task flows task file -> model -> trial -> checks -> results (docs/architecture.md)");
        layers.check(CORE);
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("dev.evalunit.(*)..").should().beFreeOfCycles().check(CORE);
    }

    @Test
    void coreKnowsNothingOfJUnit() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.junit..", "org.opentest4j..")
                .because("evalunit-core runs under any test framework; the engine lives in evalunit-junit")
                .check(CORE);
    }

    @Test
    void checksNeverSeeModels() {
        noClasses().that().resideInAPackage("dev.evalunit.check..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.evalunit.model..", "dev.langchain4j..")
                .because("a check judges what a trial produced (Evidence), never the model that produced it")
                .check(CORE);
    }

    @Test
    void resultsKnowNoTrialsSpansOrModels() {
        noClasses().that().resideInAPackage("dev.evalunit.report..")
                .should().dependOnClassesThat().resideInAnyPackage("io.opentelemetry..", "dev.langchain4j..",
                        "org.yaml..")
                .because("the results module is what the gate and the report read: Jackson only")
                .check(CORE);
    }

    @Test
    void everyPublicTypeSaysWhetherUsersMayTouchIt() {
        classes().that().arePublic().and().areTopLevelClasses()
                .and().resideOutsideOfPackage("dev.evalunit.testing..") // the tests' own fake endpoint
                .should().beAnnotatedWith(org.apiguardian.api.API.class)
                .because("the public API is what docs/architecture.md lists: EXPERIMENTAL for what users touch,"
                        + " INTERNAL for what is public only because another package of EvalUnit uses it")
                .check(CORE);
    }
}
