package dev.evalunit.maven;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The gate reads results files: it depends on the results module and on nothing that runs tasks. */
class ArchitectureTest {

    @Test
    void thePluginReadsResultsOnly() {
        noClasses().that().resideInAPackage("dev.evalunit.maven..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.evalunit.config..", "dev.evalunit.source..",
                        "dev.evalunit.check..", "dev.evalunit.code..", "dev.evalunit.task..", "dev.evalunit.model..",
                        "dev.evalunit.judge..", "dev.evalunit.run..", "dev.evalunit.junit..",
                        "dev.langchain4j..", "io.opentelemetry..", "org.yaml..")
                .because("the gate judges results.jsonl and summary.json (evalunit-results), and must not pull the runtime")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("dev.evalunit.maven"));
    }
}
